using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
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
        ProjectRequest request, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var code = request.Code.Trim().ToUpperInvariant();
        if (await db.Projects.AnyAsync(p => p.Code == code, cancellationToken))
        {
            throw new ConflictException($"A project with code '{code}' already exists.");
        }

        var now = clock.GetUtcNow();
        var project = new Project { Id = Guid.CreateVersion7(), Code = code, Name = "", CreatedAt = now, UpdatedAt = now };
        ProjectRequestValidator.Apply(request, project);
        db.Projects.Add(project);
        db.AddIntegrationEvent(new ProjectCreated(project.ToDetails(), now));
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/projects/{project.Id}", ProjectResponse.From(project));
    }
}
