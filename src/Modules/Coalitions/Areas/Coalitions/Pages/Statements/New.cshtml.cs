using Advocacy.BuildingBlocks;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.Modules.Coalitions.Data;
using Advocacy.Modules.Coalitions.Statements;
using Advocacy.Modules.Coalitions.Statements.CreateStatement;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Coalitions.Areas.Coalitions.Pages.Statements;

/// <summary>Record a joint statement or position (within a coalition when one is given): the create endpoint.</summary>
[Authorize(Policy = Policies.Write)]
internal sealed class NewModel(CoalitionsDbContext db, IValidator<StatementRequest> validator, IStringLocalizer<CoalitionsText> text, TimeProvider clock)
    : StatementFormPage(db, validator, text)
{
    public async Task OnGetAsync(Guid? coalitionId, CancellationToken cancellationToken)
    {
        Input = new StatementForm { Date = clock.Today(), CoalitionId = coalitionId, Kind = StatementKind.Statement, SignedByUs = true };
        await LoadChoicesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await SubmitAsync(async request => await CreateStatementEndpoint.Handle(request, User, Db, clock, cancellationToken)) is not null)
        {
            TempData["Notice"] = Text["Statement recorded: {0}.", Input.Title!.Trim()].Value;
            return Input.CoalitionId is { } coalitionId ? RedirectToPage("/Coalition", new { id = coalitionId }) : RedirectToPage("Index");
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }
}
