using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Stakeholders;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Outcomes.RecordOutcome;

/// <summary>
/// Records what came of an advocacy activity, with its commitments and follow-ups, in one request. Works on
/// activities recorded from other modules' messages too: the outcome is Projects' own data, which the source
/// module knows nothing of, so recording it does not edit the activity.
/// </summary>
internal sealed class RecordOutcomeEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        OutcomesApi.OutcomeGroup(app)
            .MapPost("", Handle)
            .WithName("RecordOutcome")
            .RequireAuthorization(Policies.Write)
            .WithSummary("Records an advocacy activity's outcome: stakeholders addressed and their responses, asks raised, commitments, follow-ups.")
            .WithDescription($"Only for advocacy activities ({AdvocacyActivityTypes.Names}); others get 400. Once recorded, edit it with PUT "
                + "and add commitments and follow-ups at ./commitments and ./follow-ups.")
            .WithValidation<OutcomeRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Created<OutcomeResponse>, ValidationProblem>> Handle(
        Guid activityId, OutcomeRequest request, ClaimsPrincipal user, ProjectsDbContext db, IUserDirectory users, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await using var transaction = await OutcomeRules.LockAsync(db, activityId, cancellationToken);
        var activity = await OutcomeRules.ActivityAsync(db, activityId, cancellationToken);
        if (await db.ActivityOutcomes.AnyAsync(o => o.ActivityId == activityId, cancellationToken))
        {
            throw new ConflictException("The activity's outcome is already recorded: edit it with PUT (send the version you read).");
        }
        var errors = await OutcomeRules.ErrorsAsync(db, users, activity, request, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = clock.GetUtcNow();
        var outcome = new ActivityOutcome
        {
            ActivityId = activityId, ProjectId = activity.ProjectId, RecordedBy = user.UserId(), RecordedByName = user.UserName(), RecordedAt = now,
        };
        OutcomeRequestValidator.Apply(request, outcome);
        db.ActivityOutcomes.Add(outcome);
        var stakeholders = await OutcomeRules.StakeholdersAsync(db, outcome.Stakeholders.Select(s => s.StakeholderId), cancellationToken);
        db.AddIntegrationEvent(outcome.ToEvent(activity, stakeholders, now));
        foreach (var input in request.Commitments ?? [])
        {
            var commitment = NewCommitment(input, activity, user, now);
            db.Commitments.Add(commitment);
            db.AddIntegrationEvent(commitment.ToEvent(activity, stakeholders[commitment.StakeholderId], now));
        }
        foreach (var input in request.FollowUps ?? [])
        {
            db.FollowUps.Add(NewFollowUp(input, activity, user, clock));
        }
        await OutcomeRules.SaveAsync(db, activity.ProjectId, [activity.Date], now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Created($"/api/activities/{activityId}/outcome", await OutcomesApi.ResponseAsync(db, activity, outcome, clock, cancellationToken));
    }

    /// <summary>A new commitment, made on the activity's day.</summary>
    public static Commitment NewCommitment(CommitmentRequest input, Activities.Activity activity, ClaimsPrincipal user, DateTimeOffset now)
    {
        var commitment = new Commitment
        {
            Id = Guid.CreateVersion7(), ActivityId = activity.Id, ProjectId = activity.ProjectId, Text = "", Status = CommitmentStatus.Made,
            CreatedBy = user.UserId(), CreatedByName = user.UserName(), CreatedAt = now, UpdatedAt = now,
        };
        CommitmentRequestValidator.Apply(input, commitment);
        return commitment;
    }

    public static FollowUp NewFollowUp(FollowUpRequest input, Activities.Activity activity, ClaimsPrincipal user, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var followUp = new FollowUp
        {
            Id = Guid.CreateVersion7(), ActivityId = activity.Id, ProjectId = activity.ProjectId, Action = "", OwnerUserId = "",
            CreatedBy = user.UserId(), CreatedAt = now, UpdatedAt = now,
        };
        FollowUpRequestValidator.Apply(input, followUp, clock.Today());
        return followUp;
    }
}
