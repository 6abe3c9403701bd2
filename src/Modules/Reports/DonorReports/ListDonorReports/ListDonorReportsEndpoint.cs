using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.DonorReports.ListDonorReports;

internal sealed record DonorReportListItem(Guid Id, string Title, Guid? ProjectId, string? Donor, DateOnly From, DateOnly To, DateTimeOffset CreatedAt);

internal sealed class ListDonorReportsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        DonorReportsApi.DonorReports(app)
            .MapGet("", Handle)
            .WithName("ListDonorReports")
            .RequireAuthorization(Policies.Read)
            .WithSummary("Donor reports, newest period first; of one project when projectId is given.");

    internal static async Task<Results<Ok<Page<DonorReportListItem>>, ValidationProblem>> Handle(
        ReportsDbContext db, CancellationToken cancellationToken, Guid? projectId = null, int page = 1, int pageSize = 50)
    {
        if (Paging.Errors(page, pageSize) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var reports = db.DonorReports.AsNoTracking();
        if (projectId is not null) reports = reports.Where(r => r.ProjectId == projectId);
        var total = await reports.CountAsync(cancellationToken);
        var items = await reports.OrderByDescending(r => r.To).ThenByDescending(r => r.CreatedAt)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new DonorReportListItem(r.Id, r.Title, r.ProjectId, r.Donor, r.From, r.To, r.CreatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<DonorReportListItem>(items, page, pageSize, total));
    }
}
