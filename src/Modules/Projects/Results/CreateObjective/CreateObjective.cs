using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Projects;
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Results.CreateObjective;

internal sealed record CreateObjectiveRequest(string Code, string Title, string? Description) : IObjectiveInput;

internal sealed class CreateObjectiveValidator : AbstractValidator<CreateObjectiveRequest>
{
    public CreateObjectiveValidator() => Include(new ObjectiveInputValidator());
}

internal sealed class CreateObjectiveEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ResultsApi.Group(app)
            .MapPost("objectives", Handle)
            .WithName("CreateObjective")
            .RequireAuthorization(Policies.Write)
            .WithValidation<CreateObjectiveRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Created<ObjectiveResponse>> Handle(
        Guid projectId, CreateObjectiveRequest request, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await db.EnsureProjectExistsAsync(projectId, cancellationToken);
        var code = ResultsApi.NormalizeCode(request.Code);
        await ObjectiveInputValidator.EnsureCodeIsFreeAsync(db, projectId, code, exceptId: null, cancellationToken);

        var objective = new Objective { Id = Guid.CreateVersion7(), ProjectId = projectId, Code = code, Title = "", CreatedAt = clock.GetUtcNow() };
        ObjectiveInputValidator.Apply(request, objective);
        db.Objectives.Add(objective);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/projects/{projectId}/objectives/{objective.Id}", ObjectiveResponse.From(objective));
    }
}
