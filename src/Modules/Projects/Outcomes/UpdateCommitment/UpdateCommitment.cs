using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Stakeholders;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Outcomes.UpdateCommitment;

internal sealed class UpdateCommitmentEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        OutcomesApi.Commitments(app)
            .MapPut("{id:guid}", Handle)
            .WithName("UpdateCommitment")
            .RequireAuthorization(Policies.Write)
            .WithSummary("Edits what a commitment promises, by whom and by when (send the version you read); its status moves with POST {id}/status.")
            .WithValidation<CommitmentRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<CommitmentResponse>, ValidationProblem>> Handle(
        Guid id, CommitmentRequest request, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Version is null)
        {
            return TypedResults.ValidationProblem(AdvocacyLimits.Error("version", AdvocacyLimits.VersionMissing));
        }
        await using var transaction = await OutcomeRules.LockCommitmentAsync(db, id, cancellationToken);
        var (commitment, activity) = await OutcomesApi.FindCommitmentAsync(db, id, cancellationToken);
        var (_, outcome) = await OutcomeRules.OutcomeAsync(db, activity.Id, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        await OutcomeRules.CommitmentErrorsAsync(db, activity, outcome.Stakeholders.Select(s => s.StakeholderId).ToList(), request, "", errors, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // A stale version makes SaveChanges throw; the exception handler answers 409.
        db.Entry(commitment).Property(c => c.Version).OriginalValue = request.Version.Value;
        CommitmentRequestValidator.Apply(request, commitment);
        commitment.UpdatedAt = clock.GetUtcNow();
        db.AddIntegrationEvent(await OutcomesApi.CommitmentChangedAsync(db, commitment, activity, commitment.UpdatedAt, cancellationToken));
        // The commitment as made belongs to its activity's day, and it is counted on the days it changed status too.
        await OutcomeRules.SaveAsync(
            db, activity.ProjectId, [activity.Date, .. commitment.History.Select(h => h.ChangedOn)], commitment.UpdatedAt, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Ok(await OutcomesApi.CommitmentResponseAsync(db, id, clock, cancellationToken));
    }
}
