using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.ReportingPeriods.ListReportingPeriods;

internal sealed class ListReportingPeriodsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ReportingPeriodsApi.Group(app)
            .MapGet("", Handle)
            .WithName("ListReportingPeriods")
            .RequireAuthorization(Policies.Read)
            .WithSummary("Reporting periods across projects, oldest first: status=submitted is what awaits a manager's approval; "
                + "changedAfterApproval=true lists approved periods that changed since (events held, meetings, statements, publications).");

    internal static async Task<Results<Ok<Page<ReportingPeriodSummary>>, ValidationProblem>> Handle(
        ProjectsDbContext db,
        CancellationToken cancellationToken,
        string? status = null,
        Guid? projectId = null,
        bool changedAfterApproval = false,
        int page = 1,
        int pageSize = Paging.DefaultPageSize)
    {
        var errors = Paging.Errors(page, pageSize) ?? [];
        var wanted = QueryEnum.Parse<PeriodStatus>(status, "status", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var periods = db.ReportingPeriods.AsNoTracking();
        if (wanted is not null) periods = periods.Where(p => p.Status == wanted);
        if (projectId is not null) periods = periods.Where(p => p.ProjectId == projectId);
        if (changedAfterApproval) periods = ReportingPeriodsApi.ChangedAfterApproval(db, periods);

        var total = await periods.CountAsync(cancellationToken);
        // Oldest first: what has waited longest for approval comes first.
        var ordered = periods.OrderBy(p => p.From).ThenBy(p => db.Projects.Where(project => project.Id == p.ProjectId).Select(project => project.Code).First())
            .ThenBy(p => p.Id);
        var items = await ReportingPeriodsApi.Summaries(db, ordered)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<ReportingPeriodSummary>(items, page, pageSize, total));
    }
}
