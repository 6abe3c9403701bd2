using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.ReportingPeriods.ApprovePeriod;

internal sealed class ApprovePeriodEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ReportingPeriodsApi.ProjectGroup(app)
            .MapPost("{periodId:guid}/approve", Handle)
            .WithName("ApproveReportingPeriod")
            .RequireAuthorization(Policies.Manage)
            .WithValidation<PeriodStepRequest>()
            .WithSummary("A manager approves a submitted period: its activities and measurements are locked; publishes ReportingPeriodApproved. "
                + "Body: {\"comment\"?, \"version\"?}.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<ReportingPeriodResponse>> Handle(
        Guid projectId, Guid periodId, PeriodStepRequest request, ClaimsPrincipal user, ProjectsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await ReportingPeriodsApi.ChangeAsync(db, clock, projectId, periodId, request.Version, (period, now) =>
        {
            period.MoveTo(PeriodStatus.Approved, user.UserId(), user.UserName(), now, request.Comment);
            db.AddIntegrationEvent(new ReportingPeriodApproved(period.Id, period.ProjectId, period.From, period.To, now));
        }, cancellationToken);
        return TypedResults.Ok(await ReportingPeriodsApi.DetailsAsync(db, projectId, periodId, cancellationToken));
    }
}
