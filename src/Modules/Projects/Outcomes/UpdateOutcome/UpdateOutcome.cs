using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Stakeholders;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Outcomes.UpdateOutcome;

internal sealed class UpdateOutcomeEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        OutcomesApi.OutcomeGroup(app)
            .MapPut("", Handle)
            .WithName("UpdateOutcome")
            .RequireAuthorization(Policies.Write)
            .WithSummary("Edits an outcome's stakeholders, responses and asks (send the version you read); commitments and follow-ups have their own endpoints.")
            .WithValidation<OutcomeRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<OutcomeResponse>, ValidationProblem>> Handle(
        Guid activityId, OutcomeRequest request, ClaimsPrincipal user, ProjectsDbContext db, IUserDirectory users, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request.Version is null)
        {
            return TypedResults.ValidationProblem(AdvocacyLimits.Error("version", AdvocacyLimits.VersionMissing));
        }
        if (request.Commitments is { Count: > 0 } || request.FollowUps is { Count: > 0 })
        {
            return TypedResults.ValidationProblem(AdvocacyLimits.Error(request.Commitments is { Count: > 0 } ? "commitments" : "followUps",
                "Once the outcome is recorded, add commitments and follow-ups at its ./commitments and ./follow-ups."));
        }
        await using var transaction = await OutcomeRules.LockAsync(db, activityId, cancellationToken);
        var (activity, outcome) = await OutcomeRules.OutcomeAsync(db, activityId, cancellationToken);
        var errors = await OutcomeRules.ErrorsAsync(db, users, activity, request, cancellationToken);
        var addressed = request.Stakeholders!.Select(s => s.StakeholderId!.Value).ToList();
        var stranded = await db.Commitments.Where(c => c.ActivityId == activityId && !addressed.Contains(c.StakeholderId))
            .Select(c => c.StakeholderId).Distinct().ToListAsync(cancellationToken);
        if (stranded.Count > 0)
        {
            errors["stakeholders"] = [$"These stakeholders made commitments at the activity and stay on it: {string.Join(", ", stranded)}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // A stale version makes SaveChanges throw; the exception handler answers 409.
        db.Entry(outcome).Property(o => o.Version).OriginalValue = request.Version.Value;
        OutcomeRequestValidator.Apply(request, outcome);
        outcome.UpdatedAt = clock.GetUtcNow();
        outcome.UpdatedBy = user.UserId();
        var stakeholders = await OutcomeRules.StakeholdersAsync(db, addressed, cancellationToken);
        db.AddIntegrationEvent(outcome.ToEvent(activity, stakeholders, outcome.UpdatedAt.Value));
        await OutcomeRules.SaveAsync(db, activity.ProjectId, [activity.Date], outcome.UpdatedAt.Value, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Ok(await OutcomesApi.ResponseAsync(db, activity, outcome, clock, cancellationToken));
    }
}
