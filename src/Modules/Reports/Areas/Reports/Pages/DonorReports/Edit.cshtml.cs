using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.DonorReports;
using Advocacy.Modules.Reports.DonorReports.UpdateDonorReport;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Reports.Areas.Reports.Pages.DonorReports;

/// <summary>
/// Edits a donor report's title, scope, period and narrative with the version read: when someone saved it in
/// between, the reader's text stays in the form and saving again replaces the saved version knowingly.
/// </summary>
[Authorize(Policy = Policies.Write)]
internal sealed class EditModel(ReportsDbContext db, IValidator<DonorReportRequest> validator, IStringLocalizer<ReportsText> text, TimeProvider clock)
    : DonorReportFormPage(db, validator, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is not { } report)
        {
            return NotFound();
        }
        Input = DonorReportForm.Of(DonorReportResponse.Of(report));
        if (Input.Sections.Count == 0)
        {
            // A first section to write in; a blank one is not saved.
            Input.Sections.Add(new SectionRow());
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddSectionAsync(CancellationToken cancellationToken)
    {
        // Rows renumber; posted values must not override them.
        ModelState.Clear();
        if (Input.Sections.Count < DonorReportForm.MaxSections)
        {
            Input.Sections.Add(new SectionRow());
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveSectionAsync(int row, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (row >= 0 && row < Input.Sections.Count)
        {
            Input.Sections.RemoveAt(row);
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await ValidRequestAsync() is var (request, rowOf))
        {
            try
            {
                if (Accepted(await UpdateDonorReportEndpoint.Handle(Id, request, Db, clock, cancellationToken), rowOf))
                {
                    TempData["Notice"] = Text["Changes saved: {0}.", request.Title.Trim()].Value;
                    return Redirect($"/reports/donor-reports/{Id}");
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                Db.ChangeTracker.Clear();
                if (await FindAsync(cancellationToken) is not { } saved)
                {
                    return NotFound();
                }
                Problem = Text["Someone else saved this report after you opened it, so your changes were not saved. They are still in the form below. Save again to replace the saved version with yours."];
                // Saving again is a deliberate choice over the version now saved.
                ModelState.Remove($"{Prefix}.{nameof(DonorReportForm.Version)}");
                Input.Version = saved.Version;
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    private async Task<DonorReport?> FindAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Db.FindAsync(Id, cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
