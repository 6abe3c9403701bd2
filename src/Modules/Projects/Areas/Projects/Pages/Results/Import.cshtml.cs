using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Activities.ImportActivities;
using Advocacy.Modules.Projects.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Projects.Areas.Projects.Pages.Results;

/// <summary>
/// Import a spreadsheet of activities into a project through the import endpoint's own handler: every row
/// is checked, and while any is bad nothing is written (unless "only the good rows" is chosen); the bad
/// cells are listed by row and column.
/// </summary>
[Authorize(Policy = Policies.Write)]
internal sealed class ImportModel(ProjectsDbContext db, IStringLocalizer<ResultsText> text, TimeProvider clock) : ResultsPage(text)
{
    [BindProperty]
    public Guid? ProjectId { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public bool GoodRowsOnly { get; set; }

    public IReadOnlyList<SelectListItem> Projects { get; private set; } = [];

    /// <summary>The cells the import refused, in row order; empty when there were none.</summary>
    public IReadOnlyList<RowError> RowErrors { get; private set; } = [];

    /// <summary>Set after an import that wrote activities (possibly skipping bad rows).</summary>
    public int? ImportedCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadProjectsAsync(cancellationToken);
        var mine = await db.Projects.AsNoTracking().Where(p => p.ResponsibleStaffIds.Contains(User.UserId())).Select(p => p.Id).ToListAsync(cancellationToken);
        ProjectId = mine.Count == 1 ? mine[0] : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ProjectId is null)
        {
            ModelState.AddModelError(nameof(ProjectId), Text["Choose a project."]);
        }
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), Text["Choose a file to import."]);
        }
        if (ModelState.IsValid)
        {
            await ImportAsync(cancellationToken);
        }
        await LoadProjectsAsync(cancellationToken);
        return Page();
    }

    private async Task ImportAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await ImportActivitiesEndpoint.Handle(ProjectId!.Value, Upload!, User, db, clock, cancellationToken, GoodRowsOnly);
            switch (result.Result)
            {
                case Ok<ImportResult> { Value: { } imported }:
                    ImportedCount = imported.ImportedCount;
                    RowErrors = imported.RejectedRows;
                    break;
                case ProblemHttpResult problem:
                    RowErrors = RowsOf(problem.ProblemDetails.Extensions);
                    // With rows, the table says what to correct; without (a wrong file type, an unreadable file), the detail does.
                    Problem = RowErrors.Count > 0
                        ? Text["The file has errors, so nothing was imported. Correct the rows below and import again, or import only the good rows."]
                        : problem.ProblemDetails.Detail;
                    break;
            }
        }
        catch (PeriodLockedException locked)
        {
            RowErrors = RowsOf(locked.Extensions);
            Problem = Text["Some rows fall in an approved, locked reporting period, so nothing was imported. An admin can unlock a period."];
        }
        catch (NotFoundException)
        {
            // The project was deleted since the form was shown.
            ModelState.AddModelError(nameof(ProjectId), Text["Choose a project."]);
        }
        db.ChangeTracker.Clear();
    }

    private static List<RowError> RowsOf(IDictionary<string, object?> extensions) =>
        extensions.TryGetValue("rows", out var rows) && rows is IEnumerable<RowError> list ? list.ToList() : [];

    private async Task LoadProjectsAsync(CancellationToken cancellationToken)
    {
        var projects = await db.Projects.AsNoTracking()
            .Select(p => new { p.Id, p.Code, p.Name, p.NameTranslations })
            .ToListAsync(cancellationToken);
        Projects = projects
            .OrderBy(p => p.Code, StringComparer.OrdinalIgnoreCase)
            .Select(p => new SelectListItem($"{p.Code} – {Translations.Pick(p.Name, p.NameTranslations)}", p.Id.ToString()))
            .ToList();
    }
}
