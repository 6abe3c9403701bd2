using Advocacy.Modules.Reports.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Reports.Areas.Reports.Pages.Shared;

/// <summary>What the Reports form pages share: the posted form, a message about the whole form, the module's data and texts.</summary>
internal abstract class ReportsFormPage<TForm>(ReportsDbContext db, IStringLocalizer<ReportsText> text) : PageModel
    where TForm : new()
{
    /// <summary>The form's fields are named Input.X, as error keys are mapped onto them.</summary>
    protected const string Prefix = nameof(Input);

    protected ReportsDbContext Db => db;

    protected IStringLocalizer<ReportsText> Text => text;

    [BindProperty]
    public TForm Input { get; set; } = new();

    /// <summary>A message about the whole form (a conflict, a concurrent edit), shown above it.</summary>
    public string? Problem { get; protected set; }
}

/// <summary>A list's page links: which page, how many, what they are called, and where on the page they lead.</summary>
internal sealed record Pager(int PageNumber, int PageCount, string Label, string Fragment = "");
