using Advocacy.BuildingBlocks.Authorization;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.ReportingPeriods.GetPeriod;

internal sealed class GetPeriodEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ReportingPeriodsApi.ProjectGroup(app)
            .MapGet("{periodId:guid}", Handle)
            .WithName("GetReportingPeriod")
            .RequireAuthorization(Policies.Read)
            .WithSummary("A reporting period with its dated history (who, when, from and to which status, comment or reason) "
                + "and the changes from other modules that reached it while approved.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<ReportingPeriodResponse>> Handle(
        Guid projectId, Guid periodId, ProjectsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ReportingPeriodsApi.DetailsAsync(db, projectId, periodId, cancellationToken));
}
