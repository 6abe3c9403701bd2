using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.Publications;
using Advocacy.Modules.Reports.Publications.UpdatePublication;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Reports.Areas.Reports.Pages.Publications;

/// <summary>Edits a publication with the version read (the update endpoint's handler; a published one goes out again).</summary>
[Authorize(Policy = Policies.Write)]
internal sealed class EditModel(ReportsDbContext db, IValidator<PublicationRequest> validator, IStringLocalizer<ReportsText> text, TimeProvider clock)
    : PublicationFormPage(db, validator, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid PublicationId { get; set; }

    protected override Guid Id => PublicationId;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // The stored default title, not the one the reader's language picks.
        if (await Db.Publications.AsNoTracking().SingleOrDefaultAsync(p => p.Id == PublicationId, cancellationToken) is not { } publication)
        {
            return NotFound();
        }
        Input = PublicationForm.Of(publication);
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var id = await SaveAsync(async request =>
            {
                var result = await UpdatePublicationEndpoint.Handle(PublicationId, request, Db, clock, cancellationToken);
                return Answer(result, (result.Result as Ok<PublicationResponse>)?.Value);
            });
            if (id is not null)
            {
                TempData["Notice"] = Text["Changes saved: {0}.", Input.Title!.Trim()].Value;
                return Redirect($"/reports/publications/{id}");
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }
}
