using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.Exports;
using Advocacy.Modules.Reports.Exports.GetExportJob;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Advocacy.Modules.Reports.Areas.Reports.Pages.Exports;

/// <summary>
/// A background export's progress, then its download link. The reader checks again with a button; or, when they
/// ask for it, the page reloads itself every few seconds (a refresh the reader chose and can stop, as WCAG 2.2.1 wants).
/// </summary>
[Authorize(Policy = Policies.Read)]
internal sealed class JobModel(ReportsDbContext db) : PageModel
{
    public const int RefreshSeconds = 3;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>Reload by itself while the export runs.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Auto { get; set; }

    public ExportJobResponse Job { get; private set; } = null!;

    public bool Running => Job.Status is ExportJobStatus.Queued or ExportJobStatus.Running;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Job = (await GetExportJobEndpoint.Handle(Id, db, cancellationToken)).Value!;
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return Page();
    }
}
