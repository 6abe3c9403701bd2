using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Stakeholders;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Outcomes.ChangeCommitmentStatus;

/// <summary>
/// Moves a commitment forward (made → in progress → fulfilled or broken) on a day: one row appended to its
/// history with its evidence, the status changed, and <c>CommitmentChanged</c> queued, in one transaction.
/// </summary>
internal sealed class ChangeCommitmentStatusEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        OutcomesApi.Commitments(app)
            .MapPost("{id:guid}/status", Handle)
            .WithName("ChangeCommitmentStatus")
            .RequireAuthorization(Policies.Write)
            .WithSummary("Moves a commitment forward on a day: inProgress, or (with evidence) fulfilled or broken. Send the version you read.")
            .WithDescription("A closed (fulfilled or broken) commitment, a move backwards or to the same status gets 409.")
            .WithValidation<CommitmentStatusRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<CommitmentResponse>, ValidationProblem>> Handle(
        Guid id, CommitmentStatusRequest request, ClaimsPrincipal user, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var transaction = await OutcomeRules.LockCommitmentAsync(db, id, cancellationToken);
        var (commitment, activity) = await OutcomesApi.FindCommitmentAsync(db, id, cancellationToken);
        var to = request.Status!.Value;
        if (!Commitment.CanMove(commitment.Status, to))
        {
            throw new ConflictException(Commitment.IsClosed(commitment.Status)
                ? $"The commitment is already {commitment.Status}: a closed commitment does not change status."
                : $"A commitment that is {commitment.Status} cannot become {to}: it moves made → inProgress → fulfilled or broken.");
        }
        var notBefore = commitment.StatusChangedOn(activity.Date);
        if (request.ChangedOn!.Value < notBefore)
        {
            return TypedResults.ValidationProblem(AdvocacyLimits.Error("changedOn",
                $"The commitment was made or last changed on {notBefore:yyyy-MM-dd}: a change cannot come before it."));
        }

        db.Entry(commitment).Property(c => c.Version).OriginalValue = request.Version!.Value;
        var now = clock.GetUtcNow();
        var change = new CommitmentStatusChange
        {
            Id = Guid.CreateVersion7(), CommitmentId = id, From = commitment.Status, To = to, ChangedOn = request.ChangedOn.Value,
            Evidence = Input.Blank(request.Evidence), ChangedBy = user.UserId(), ChangedByName = user.UserName(), RecordedAt = now,
        };
        commitment.History.Add(change);
        db.CommitmentStatusChanges.Add(change);
        commitment.Status = to;
        commitment.Evidence = change.Evidence;
        commitment.UpdatedAt = now;
        db.AddIntegrationEvent(await OutcomesApi.CommitmentChangedAsync(db, commitment, activity, now, cancellationToken));
        // A status change is a new fact of its own day, whatever the day the commitment was made.
        await OutcomeRules.SaveAsync(db, activity.ProjectId, [change.ChangedOn], now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Ok(await OutcomesApi.CommitmentResponseAsync(db, id, clock, cancellationToken));
    }
}
