using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.DonorReports.ListDonorReportActivities;

internal sealed class ListDonorReportActivitiesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        DonorReportsApi.DonorReports(app)
            .MapGet("{id:guid}/activities", Handle)
            .WithName("ListDonorReportActivities")
            .RequireAuthorization(Policies.Read)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The activities a donor report lists, oldest first, a page at a time.");

    internal static async Task<Results<Ok<Page<ActivityRow>>, ValidationProblem>> Handle(
        Guid id, ReportsDbContext db, TimeProvider clock, CancellationToken cancellationToken, int page = 1, int pageSize = 50)
    {
        if (Paging.Errors(page, pageSize) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var report = await db.FindAsync(id, cancellationToken);
        var scope = await DonorReportContent.ScopeAsync(db, report, cancellationToken);
        var activities = scope.Activities(db);
        var total = await activities.CountAsync(cancellationToken);
        var items = await activities.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<ActivityRow>(items, page, pageSize, total));
    }
}
