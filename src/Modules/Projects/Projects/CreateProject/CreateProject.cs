using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Assignments;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Projects.CreateProject;

internal sealed class CreateProjectEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ProjectsApi.Group(app)
            .MapPost("", Handle)
            .WithName("CreateProject")
            .RequireAuthorization(Policies.Write)
            .WithValidation<ProjectRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Created<ProjectResponse>> Handle(
        ProjectRequest request, ClaimsPrincipal user, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var code = request.Code.Trim().ToUpperInvariant();
        // Codes are unique across the organisation, projects out of the user's reach included.
        if (await db.Projects.IgnoreQueryFilters([ProjectAccess.FilterName]).AnyAsync(p => p.Code == code, cancellationToken))
        {
            throw new ConflictException($"A project with code '{code}' already exists.");
        }

        var now = clock.GetUtcNow();
        var project = new Project { Id = Guid.CreateVersion7(), Code = code, Name = "", CreatedAt = now, UpdatedAt = now };
        ProjectRequestValidator.Apply(request, project);
        db.Projects.Add(project);
        if (!db.Access.All)
        {
            // Staff who start a project work on it: without this they could not open what they created.
            db.ProjectAssignments.Add(new ProjectAssignment { ProjectId = project.Id, UserId = user.UserId(), AssignedBy = user.UserId(), AssignedAt = now });
        }
        db.AddIntegrationEvent(new ProjectCreated(project.ToDetails(), now));
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/projects/{project.Id}", ProjectResponse.From(project));
    }
}
