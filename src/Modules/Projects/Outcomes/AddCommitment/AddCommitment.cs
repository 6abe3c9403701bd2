using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Outcomes.RecordOutcome;
using Advocacy.Modules.Projects.Stakeholders;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Outcomes.AddCommitment;

internal sealed class AddCommitmentEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        OutcomesApi.OutcomeGroup(app)
            .MapPost("commitments", Handle)
            .WithName("AddCommitment")
            .RequireAuthorization(Policies.Write)
            .WithSummary("Adds a commitment to a recorded outcome: what, by which addressed stakeholder, due when (not before the activity). It starts as 'made'.")
            .WithValidation<CommitmentRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Created<CommitmentResponse>, ValidationProblem>> Handle(
        Guid activityId, CommitmentRequest request, ClaimsPrincipal user, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var transaction = await OutcomeRules.LockAsync(db, activityId, cancellationToken);
        var (activity, outcome) = await OutcomeRules.OutcomeAsync(db, activityId, cancellationToken);
        var errors = OutcomeRules.TypeErrors(activity) ?? [];
        await OutcomeRules.CommitmentErrorsAsync(db, activity, outcome.Stakeholders.Select(s => s.StakeholderId).ToList(), request, "", errors, cancellationToken);
        if (await db.Commitments.CountAsync(c => c.ActivityId == activityId, cancellationToken) >= AdvocacyLimits.PerRecord)
        {
            errors["commitments"] = [$"An activity has at most {AdvocacyLimits.PerRecord} commitments."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = clock.GetUtcNow();
        var commitment = RecordOutcomeEndpoint.NewCommitment(request, activity, user, now);
        db.Commitments.Add(commitment);
        db.AddIntegrationEvent(await OutcomesApi.CommitmentChangedAsync(db, commitment, activity, now, cancellationToken));
        await OutcomeRules.SaveAsync(db, activity.ProjectId, [activity.Date], now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Created($"/api/commitments/{commitment.Id}",
            await OutcomesApi.CommitmentResponseAsync(db, commitment.Id, clock, cancellationToken));
    }
}
