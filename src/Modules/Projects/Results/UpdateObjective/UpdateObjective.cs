using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Projects;
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Results.UpdateObjective;

/// <summary>The objective as it should now be, with the <see cref="Version"/> the editor read.</summary>
internal sealed record UpdateObjectiveRequest(string Code, string Title, string? Description, uint? Version) : IObjectiveInput;

internal sealed class UpdateObjectiveValidator : AbstractValidator<UpdateObjectiveRequest>
{
    public UpdateObjectiveValidator()
    {
        Include(new ObjectiveInputValidator());
        RuleFor(r => r.Version).NotNull().WithMessage(_ => SharedMessages.VersionMissing);
    }
}

internal sealed class UpdateObjectiveEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ResultsApi.Group(app)
            .MapPut("objectives/{objectiveId:guid}", Handle)
            .WithName("UpdateObjective")
            .RequireAuthorization(Policies.Write)
            .WithValidation<UpdateObjectiveRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<ObjectiveResponse>> Handle(
        Guid projectId, Guid objectiveId, UpdateObjectiveRequest request, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        await db.EnsureProjectExistsAsync(projectId, cancellationToken);
        var objective = await db.Objectives.SingleOrDefaultAsync(o => o.Id == objectiveId && o.ProjectId == projectId, cancellationToken)
            ?? throw new NotFoundException("Objective", objectiveId);
        var code = ResultsApi.NormalizeCode(request.Code);
        await ObjectiveInputValidator.EnsureCodeIsFreeAsync(db, projectId, code, objective.Id, cancellationToken);

        // The version the editor read: if the row has moved on since, SaveChanges throws and the answer is 409.
        db.Entry(objective).Property(o => o.Version).OriginalValue = request.Version!.Value;
        ObjectiveInputValidator.Apply(request, objective);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Ok(ObjectiveResponse.From(objective));
    }
}
