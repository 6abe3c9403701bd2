using Advocacy.BuildingBlocks.Authorization;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Advocacy.Modules.Projects.Projects.ListProjects;

internal sealed class ListProjectsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ProjectsApi.Group(app)
            .MapGet("", Handle)
            .WithName("ListProjects")
            .RequireAuthorization(Policies.Read);

    internal static async Task<Ok<List<ProjectResponse>>> Handle(ProjectsDbContext db, CancellationToken cancellationToken)
    {
        var projects = await db.Projects.AsNoTracking()
            .OrderBy(p => p.Code)
            .Select(p => new ProjectResponse(p.Id, p.Code, p.Name, p.Level, p.StartDate, p.EndDate, p.CreatedAt, p.Version))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(projects);
    }
}
