using System.Globalization;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Reports.Areas.Reports.Pages.Shared;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.DonorReports;
using Advocacy.Modules.Reports.DonorReports.GetDonorReport;
using Advocacy.Modules.Reports.DonorReports.ListDonorReportActivities;
using Advocacy.Modules.Reports.Exports;
using Advocacy.Modules.Reports.Exports.ExportDonorReport;
using Advocacy.Modules.Reports.Exports.GetExportJob;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Advocacy.Modules.Reports.Areas.Reports.Pages.DonorReports;

/// <summary>
/// A donor report as the donor will read it: the figures computed now (the preview endpoint), the first page of
/// its activities, the narrative, the downloads (the export endpoint, which the browser's cookie authenticates)
/// and the background exports.
/// </summary>
[Authorize(Policy = Policies.Read)]
internal sealed class ReportModel(
    ReportsDbContext db, IStringLocalizer<ReportsText> text, TimeProvider clock, ExportJobSignal signal,
    IOptions<ExportOptions> exportOptions, IOptions<IatiOptions> iati) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public DonorReportPreview Preview { get; private set; } = null!;

    public Page<ActivityRow> Activities { get; private set; } = new([], 1, PageSize, 0);

    public IReadOnlyList<ExportJobResponse> Exports { get; private set; } = [];

    public string? Problem { get; private set; }

    public DonorReportContent ReportContent => Preview.Content;

    public int PageCount => Math.Max(1, (Activities.TotalCount + PageSize - 1) / PageSize);

    /// <summary>Whether a download streams at once; above the limit the export endpoint answers with a background job instead.</summary>
    public bool Streams => ReportContent.Totals.Activities <= exportOptions.Value.StreamUpToActivities;

    /// <summary>The sections a CSV export holds one of.</summary>
    public static IEnumerable<ExportSection> CsvSections => Enum.GetValues<ExportSection>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken, [FromQuery(Name = "page")] int page = 1)
    {
        try
        {
            await LoadAsync(Math.Clamp(page, 1, 1_000_000), cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return Page();
    }

    /// <summary>Starts a background export (the endpoint's own, with background=true) and shows its progress.</summary>
    public async Task<IActionResult> OnPostExportAsync(string? format, string? section, CancellationToken cancellationToken)
    {
        try
        {
            var result = await ExportDonorReportEndpoint.Handle(
                Id, db, User, clock, signal, exportOptions, iati, cancellationToken, format, format == "csv" ? section : null, background: true);
            if (result.Result is Accepted<ExportJobResponse> { Value: { } job })
            {
                return Redirect($"/reports/exports/{job.Id}");
            }
            Problem = string.Join(" ", FormErrors.Of(result)?.Values.SelectMany(m => m) ?? []);
            await LoadAsync(1, cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return Page();
    }

    private async Task LoadAsync(int page, CancellationToken cancellationToken)
    {
        Preview = (await GetDonorReportEndpoint.Handle(Id, db, clock, cancellationToken)).Value!;
        if ((await ListDonorReportActivitiesEndpoint.Handle(Id, db, clock, cancellationToken, page, PageSize)).Result
            is Ok<Page<ActivityRow>> { Value: { } activities })
        {
            Activities = activities;
        }
        Exports = (await GetExportJobEndpoint.List(Id, db, cancellationToken)).Value!;
    }

    public string ExportUrl(string format, ExportSection? section = null) =>
        $"/api/donor-reports/{Id}/export?format={format}" + (section is null ? "" : $"&section={Lower(section.Value)}");

    public static string Lower(Enum value) => value.ToString().ToLowerInvariant();

    public Chart MonthlyChart() => ReportCharts.Monthly(text, ReportContent.Monthly);

    public static string Decimal(decimal value) => value.ToString("#,##0.##", CultureInfo.CurrentCulture);
}
