using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Reference;
using Advocacy.BuildingBlocks.Text;
using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Projects.Activities;
using Advocacy.Modules.Projects.Data;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Projects.Areas.Projects.Pages.Activities;

/// <summary>
/// What logging and editing an activity share: the form, its choices, reach rows added and removed by a
/// round trip, and turning the endpoint's answers (field errors, a locked period, a conflict) into
/// messages on the form. Nothing is written unless the endpoint's own handler writes it.
/// </summary>
internal abstract class ActivityFormPage(
    ProjectsDbContext db, IValidator<ActivityRequest> validator, IStringLocalizer<ProjectsText> text) : PageModel
{
    protected const string Prefix = nameof(Input);

    protected ProjectsDbContext Db => db;

    protected IStringLocalizer<ProjectsText> Text => text;

    [BindProperty]
    public ActivityForm Input { get; set; } = new();

    /// <summary>A message about the whole form (a locked period, a conflict), shown above it.</summary>
    public string? Problem { get; protected set; }

    public IReadOnlyList<SelectListItem> Projects { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Countries { get; private set; } = [];

    /// <summary>The projects the signed-in user is responsible for.</summary>
    protected IReadOnlyList<Guid> MyProjects { get; private set; } = [];

    public async Task<IActionResult> OnPostAddRowAsync(CancellationToken cancellationToken)
    {
        // Rows renumber; posted values must not override them.
        ModelState.Clear();
        if (Input.Reach.Count < ActivityForm.MaxReachRows)
        {
            Input.Reach.Add(new ReachRow());
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveRowAsync(int row, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (row >= 0 && row < Input.Reach.Count)
        {
            Input.Reach.RemoveAt(row);
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    /// <summary>Loads the choices the form offers; the signed-in user's projects come first.</summary>
    protected async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var projects = await db.Projects.AsNoTracking()
            .Select(p => new { p.Id, p.Code, p.Name, p.NameTranslations, p.ResponsibleStaffIds })
            .ToListAsync(cancellationToken);
        var mine = new SelectListGroup { Name = text["My projects"] };
        var others = new SelectListGroup { Name = text["Other projects"] };
        Projects = projects
            .Select(p => (p, Mine: p.ResponsibleStaffIds.Contains(userId)))
            .OrderBy(x => x.Mine ? 0 : 1).ThenBy(x => x.p.Code, StringComparer.OrdinalIgnoreCase)
            .Select(x => new SelectListItem($"{x.p.Code} – {Translations.Pick(x.p.Name, x.p.NameTranslations)}", x.p.Id.ToString())
            {
                Group = x.Mine ? mine : others,
            })
            .ToList();
        MyProjects = projects.Where(p => p.ResponsibleStaffIds.Contains(userId)).Select(p => p.Id).ToList();
        Countries = Display.CountryChoices();
        Input.Padded();
    }

    /// <summary>Binding errors, a missing project, then the endpoint's validator: true when the form may go to the handler.</summary>
    protected async Task<(bool Valid, ActivityRequest Request, IReadOnlyList<int> RowOf)> ValidateAsync(ActivityRequest request, IReadOnlyList<int> rowOf)
    {
        if (!ModelState.IsValid)
        {
            return (false, request, rowOf);
        }
        if (Input.ProjectId is null)
        {
            ModelState.AddModelError($"{Prefix}.{nameof(ActivityForm.ProjectId)}", text["Choose a project."]);
        }
        var valid = await FormErrors.ValidateAsync(
            validator, request, ModelState, Prefix, key => ActivityForm.FormKey(key, rowOf), LabelOf, HttpContext.RequestAborted);
        return (valid && Input.ProjectId is not null, request, rowOf);
    }

    /// <summary>
    /// Runs the endpoint's handler; its field errors, a locked period or a conflict become messages and
    /// the form is shown again (nothing was written). Returns the handler's result when it succeeded.
    /// </summary>
    protected async Task<IResult?> RunAsync(Func<Task<IResult>> handler, IReadOnlyList<int> rowOf)
    {
        try
        {
            var result = await handler();
            if (FormErrors.Of(result) is { } errors)
            {
                FormErrors.Add(ModelState, errors, Prefix, key => ActivityForm.FormKey(key, rowOf));
                return null;
            }
            return result;
        }
        catch (PeriodLockedException locked)
        {
            Problem = text["The reporting period from {0} to {1} is approved and locked, so nothing was saved. An admin can unlock it.",
                Display.Date(locked.From), Display.Date(locked.To)];
        }
        catch (ConflictException conflict)
        {
            Problem = conflict.Message;
        }
        db.ChangeTracker.Clear();
        return null;
    }

    /// <summary>The form's label of a request property, for validation messages.</summary>
    private string? LabelOf(string property) => (property switch
    {
        "type" => "Type",
        "date" => "Date",
        "title" => "Title",
        "notes" => "Description",
        "place" => "Place",
        "country" => "Country",
        "reach" => "People reached",
        "audience" => "Audience",
        "gender" => "Gender",
        "count" => "Number",
        _ => null,
    }) is { } label ? text[label].Value : null;

    /// <summary>An enum value in the reader's language (resource key "Type.Value").</summary>
    public string Label<T>(T value) where T : struct, Enum => text[$"{typeof(T).Name}.{value}"];

    /// <summary>An enum's values as choices in the reader's language.</summary>
    public IEnumerable<SelectListItem> Choices<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(Label(v), v.ToString()));
}
