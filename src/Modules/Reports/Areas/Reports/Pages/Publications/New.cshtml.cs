using Advocacy.BuildingBlocks.Authorization;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.Publications;
using Advocacy.Modules.Reports.Publications.CreatePublication;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Reports.Areas.Reports.Pages.Publications;

/// <summary>Records a publication as a draft (the create endpoint's handler); it goes out when published.</summary>
[Authorize(Policy = Policies.Write)]
internal sealed class NewModel(ReportsDbContext db, IValidator<PublicationRequest> validator, IStringLocalizer<ReportsText> text, TimeProvider clock)
    : PublicationFormPage(db, validator, text)
{
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input = new PublicationForm { Languages = "en, fr, nl" };
        await LoadChoicesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var id = await SaveAsync(async request =>
        {
            var result = await CreatePublicationEndpoint.Handle(request, User, Db, clock, cancellationToken);
            return Answer(result, (result.Result as Created<PublicationResponse>)?.Value);
        });
        if (id is not null)
        {
            TempData["Notice"] = Text["Publication recorded as a draft: {0}.", Input.Title!.Trim()].Value;
            return Redirect($"/reports/publications/{id}");
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }
}
