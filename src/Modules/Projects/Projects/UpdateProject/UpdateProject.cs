using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Projects.UpdateProject;

internal sealed class UpdateProjectEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ProjectsApi.Group(app)
            .MapPut("{id:guid}", Handle)
            .WithName("UpdateProject")
            .RequireAuthorization(Policies.Write)
            .WithValidation<ProjectRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<ProjectResponse>, ValidationProblem>> Handle(
        Guid id, ProjectRequest request, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Version is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["version"] = ["Send the version you read, so a concurrent edit is not overwritten."],
            });
        }
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("Project", id);
        var code = request.Code.Trim().ToUpperInvariant();
        if (code != project.Code && await db.Projects.AnyAsync(p => p.Code == code, cancellationToken))
        {
            throw new ConflictException($"A project with code '{code}' already exists.");
        }

        // The version the editor read: if the row has moved on since, SaveChanges throws and the answer is 409.
        db.Entry(project).Property(p => p.Version).OriginalValue = request.Version!.Value;
        ProjectRequestValidator.Apply(request, project);
        project.UpdatedAt = clock.GetUtcNow();
        db.AddIntegrationEvent(new ProjectUpdated(project.ToDetails(), project.UpdatedAt));
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Ok(ProjectResponse.From(project));
    }
}
