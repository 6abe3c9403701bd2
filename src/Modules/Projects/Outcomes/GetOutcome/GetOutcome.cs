using Advocacy.BuildingBlocks.Authorization;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Outcomes.GetOutcome;

internal sealed class GetOutcomeEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        OutcomesApi.OutcomeGroup(app)
            .MapGet("", Handle)
            .WithName("GetOutcome")
            .RequireAuthorization(Policies.Read)
            .WithSummary("An activity's outcome with its commitments (and their histories) and follow-ups; 404 when none is recorded.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<OutcomeResponse>> Handle(Guid activityId, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (activity, outcome) = await OutcomeRules.OutcomeAsync(db, activityId, cancellationToken);
        return TypedResults.Ok(await OutcomesApi.ResponseAsync(db, activity, outcome, clock, cancellationToken));
    }
}
