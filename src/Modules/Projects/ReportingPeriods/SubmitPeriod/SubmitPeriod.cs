using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.ReportingPeriods.SubmitPeriod;

internal sealed class SubmitPeriodEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ReportingPeriodsApi.ProjectGroup(app)
            .MapPost("{periodId:guid}/submit", Handle)
            .WithName("SubmitReportingPeriod")
            .RequireAuthorization(Policies.Write)
            .WithValidation<PeriodStepRequest>()
            .WithSummary("Submits a draft or returned period for a manager's approval, from its last day on. Body: {\"comment\"?, \"version\"?}.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<ReportingPeriodResponse>> Handle(
        Guid projectId, Guid periodId, PeriodStepRequest request, ClaimsPrincipal user, ProjectsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await ReportingPeriodsApi.ChangeAsync(db, clock, projectId, periodId, request.Version, (period, now) =>
        {
            // A period is reported on once it is over; its last day counts.
            if (period.To > DateOnly.FromDateTime(now.UtcDateTime))
            {
                throw new ConflictException($"The reporting period {period.Span} has not ended yet; submit it from {period.To:yyyy-MM-dd} on.");
            }
            period.MoveTo(PeriodStatus.Submitted, user.UserId(), user.UserName(), now, request.Comment);
        }, cancellationToken);
        return TypedResults.Ok(await ReportingPeriodsApi.DetailsAsync(db, projectId, periodId, cancellationToken));
    }
}
