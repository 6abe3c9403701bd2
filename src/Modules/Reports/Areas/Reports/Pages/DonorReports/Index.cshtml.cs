using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.DonorReports.ListDonorReports;
using Advocacy.Modules.Reports.ProjectSummaries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Advocacy.Modules.Reports.Areas.Reports.Pages.DonorReports;

/// <summary>Donor reports, newest period first, paged: the list endpoint's own query.</summary>
[Authorize(Policy = Policies.Read)]
internal sealed class IndexModel(ReportsDbContext db) : PageModel
{
    public const int PageSize = 20;

    public Page<DonorReportListItem> Reports { get; private set; } = new([], 1, PageSize, 0);

    public IReadOnlyDictionary<Guid, string> ProjectNames { get; private set; } = new Dictionary<Guid, string>();

    public int PageCount => Math.Max(1, (Reports.TotalCount + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken, [FromQuery(Name = "page")] int page = 1)
    {
        var result = await ListDonorReportsEndpoint.Handle(db, cancellationToken, page: Math.Clamp(page, 1, 1_000_000), pageSize: PageSize);
        if (result.Result is Ok<Page<DonorReportListItem>> { Value: { } reports })
        {
            Reports = reports;
        }
        ProjectNames = (await ListProjectSummariesEndpoint.List(db, cancellationToken)).Value!
            .ToDictionary(p => p.ProjectId, p => $"{p.Code} – {p.Name}");
    }

    public string Scope(DonorReportListItem report) =>
        report.ProjectId is { } id ? ProjectNames.GetValueOrDefault(id, "") : report.Donor ?? "";
}
