using Advocacy.BuildingBlocks.Authorization;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Assignments.ListUserProjects;

/// <summary>Admins see which projects a staff member works on.</summary>
internal sealed class ListUserProjectsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        AssignmentsApi.Group(app)
            .MapGet("", Handle)
            .WithName("ListUserProjects")
            .RequireAuthorization(Policies.Admin)
            .WithSummary("The projects a user is assigned to, by code.");

    internal static async Task<Ok<List<AssignedProject>>> Handle(string userId, ProjectsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.ProjectAssignments.AsNoTracking()
            .Where(a => a.UserId == userId)
            .Join(db.Projects, a => a.ProjectId, p => p.Id, (a, p) => new { p.Id, p.Code, p.Name, a.AssignedAt, a.AssignedBy })
            .OrderBy(p => p.Code)
            .Select(p => new AssignedProject(p.Id, p.Code, p.Name, p.AssignedAt, p.AssignedBy))
            .ToListAsync(cancellationToken));
}
