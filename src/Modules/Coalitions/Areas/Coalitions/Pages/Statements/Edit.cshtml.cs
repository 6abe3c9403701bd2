using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Coalitions.Data;
using Advocacy.Modules.Coalitions.Statements;
using Advocacy.Modules.Coalitions.Statements.GetStatement;
using Advocacy.Modules.Coalitions.Statements.UpdateStatement;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Coalitions.Areas.Coalitions.Pages.Statements;

/// <summary>Edit a statement with the version read when the form was shown: the update endpoint.</summary>
[Authorize(Policy = Policies.Write)]
internal sealed class EditModel(CoalitionsDbContext db, IValidator<StatementRequest> validator, IStringLocalizer<CoalitionsText> text, TimeProvider clock)
    : StatementFormPage(db, validator, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Input = StatementForm.From((await GetStatementEndpoint.Handle(Id, Db, cancellationToken)).Value!);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await SubmitAsync(async request => await UpdateStatementEndpoint.Handle(Id, request, Db, clock, cancellationToken)) is not null)
            {
                TempData["Notice"] = Text["Changes saved."].Value;
                return Input.CoalitionId is { } coalitionId ? RedirectToPage("/Coalition", new { id = coalitionId }) : RedirectToPage("Index");
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
