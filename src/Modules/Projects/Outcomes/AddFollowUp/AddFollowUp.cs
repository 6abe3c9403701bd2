using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Outcomes.RecordOutcome;
using Advocacy.Modules.Projects.Stakeholders;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Outcomes.AddFollowUp;

internal sealed class AddFollowUpEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        OutcomesApi.OutcomeGroup(app)
            .MapPost("follow-ups", Handle)
            .WithName("AddOutcomeFollowUp")
            .RequireAuthorization(Policies.Write)
            .WithSummary("Adds a follow-up to a recorded outcome: what, who (a user), due when (not before the activity).")
            .WithValidation<FollowUpRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Created<FollowUpResponse>, ValidationProblem>> Handle(
        Guid activityId, FollowUpRequest request, ClaimsPrincipal user, ProjectsDbContext db, IUserDirectory users, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (activity, _) = await OutcomeRules.OutcomeAsync(db, activityId, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        await OutcomeRules.FollowUpErrorsAsync(users, activity, request, storedOwner: null, "", errors, cancellationToken);
        if (await db.FollowUps.CountAsync(f => f.ActivityId == activityId, cancellationToken) >= AdvocacyLimits.PerRecord)
        {
            errors["followUps"] = [$"An activity has at most {AdvocacyLimits.PerRecord} follow-ups."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var followUp = RecordOutcomeEndpoint.NewFollowUp(request, activity, user, clock);
        db.FollowUps.Add(followUp);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/activities/{activityId}/outcome", FollowUpResponse.From(followUp, activity));
    }
}
