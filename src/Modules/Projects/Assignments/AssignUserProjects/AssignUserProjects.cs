using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Assignments.ListUserProjects;
using Advocacy.Modules.Projects.Data;
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Assignments.AssignUserProjects;

internal sealed class UserProjectsRequestValidator : AbstractValidator<UserProjectsRequest>
{
    public const int MaxProjects = 500;

    public UserProjectsRequestValidator()
    {
        RuleFor(r => r.ProjectIds).NotNull().WithMessage(_ => ValidationMessages.ListProjectIds);
        RuleFor(r => r.ProjectIds!.Count).LessThanOrEqualTo(MaxProjects).When(r => r.ProjectIds is not null)
            .OverridePropertyName("projectIds").WithMessage(_ => SharedMessages.AtMostProjects.With(MaxProjects));
        RuleForEach(r => r.ProjectIds).NotEqual(Guid.Empty).WithMessage(_ => ValidationMessages.ProjectIdEmpty);
    }
}

/// <summary>
/// Admins set the projects a staff member works on (ADR 0016). The list replaces the current one and
/// applies from the user's next request.
/// </summary>
internal sealed class AssignUserProjectsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        AssignmentsApi.Group(app)
            .MapPut("", Handle)
            .WithName("AssignUserProjects")
            .RequireAuthorization(Policies.Admin)
            .WithValidation<UserProjectsRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Replaces the projects a user is assigned to.");

    internal static async Task<Results<Ok<List<AssignedProject>>, ValidationProblem>> Handle(
        string userId, UserProjectsRequest request, ClaimsPrincipal admin, ProjectsDbContext db, IUserDirectory users,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!(await users.FindAsync([userId], cancellationToken)).ContainsKey(userId))
        {
            throw new NotFoundException("User", userId);
        }
        var wanted = request.ProjectIds!.Distinct().ToList();
        var known = await db.Projects.Where(p => wanted.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        if (wanted.Except(known).ToList() is { Count: > 0 } unknown)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["projectIds"] = [$"Unknown project(s): {string.Join(", ", unknown)}."],
            });
        }

        var current = await db.ProjectAssignments.Where(a => a.UserId == userId).ToListAsync(cancellationToken);
        db.ProjectAssignments.RemoveRange(current.Where(a => !wanted.Contains(a.ProjectId)));
        var now = clock.GetUtcNow();
        db.ProjectAssignments.AddRange(wanted.Except(current.Select(a => a.ProjectId))
            .Select(projectId => new ProjectAssignment { ProjectId = projectId, UserId = userId, AssignedBy = admin.UserId(), AssignedAt = now }));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok((await ListUserProjectsEndpoint.Handle(userId, db, cancellationToken)).Value!);
    }
}
