using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Coalitions.Data;
using Advocacy.Modules.Coalitions.Statements;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Coalitions.Areas.Coalitions.Pages.Statements;

/// <summary>What recording and editing a statement share: the form, its choices, the endpoint's validator and answers.</summary>
internal abstract class StatementFormPage(CoalitionsDbContext db, IValidator<StatementRequest> validator, IStringLocalizer<CoalitionsText> text) : PageModel
{
    protected const string Prefix = nameof(Input);

    protected CoalitionsDbContext Db => db;

    protected IStringLocalizer<CoalitionsText> Text => text;

    [BindProperty]
    public StatementForm Input { get; set; } = new();

    public string? Problem { get; private set; }

    public IReadOnlyList<SelectListItem> Coalitions { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Projects { get; private set; } = [];

    protected async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Coalitions = await db.Coalitions.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name, c.Id.ToString()))
            .ToListAsync(cancellationToken);
        Projects = await db.KnownProjects.AsNoTracking().OrderBy(p => p.Code)
            .Select(p => new SelectListItem(p.Code + " – " + p.Name, p.ProjectId.ToString()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Binding errors, the endpoint's validator, then its handler; the handler's result, or null with messages on the form.</summary>
    protected async Task<IResult?> SubmitAsync(Func<StatementRequest, Task<IResult>> handler)
    {
        var request = Input.ToRequest();
        if (!ModelState.IsValid
            || !await FormErrors.ValidateAsync(validator, request, ModelState, Prefix, StatementForm.FormKey, FormLabels.For(text,
                ("title", "Title"), ("date", "Date"), ("addressedTo", "Addressed to"), ("signatories", "Signatories"), ("kind", "Kind"),
                ("coalitionId", "Coalition"), ("projectIds", "Linked projects")),
                HttpContext.RequestAborted))
        {
            return null;
        }
        var (result, problem) = await FormSubmit.RunAsync(() => handler(request), db, ModelState, Prefix,
            text["Someone else changed this statement since you opened it, so nothing was saved. Reload the page and make your change again."],
            StatementForm.FormKey);
        Problem = problem;
        return result;
    }
}
