using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Text;
using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Projects.Data;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Projects.Areas.Projects.Pages.Advocacy;

/// <summary>
/// What the advocacy pages share: enum labels and choices in the reader's language, and running an endpoint's
/// validator and handler so that its field errors land on the form and its 409s (a locked period, a conflict, a
/// stale version) become one message above it. Nothing is written unless the endpoint's handler writes it.
/// </summary>
internal abstract class AdvocacyPage(ProjectsDbContext db, IStringLocalizer<AdvocacyText> text) : PageModel
{
    protected ProjectsDbContext Db => db;

    protected IStringLocalizer<AdvocacyText> Text => text;

    /// <summary>A message about a whole form (a locked period, a conflict), shown above the forms.</summary>
    public string? Problem { get; protected set; }

    /// <summary>An enum value in the reader's language (resource key "Type.Value").</summary>
    public string Label<T>(T value) where T : struct, Enum => text[$"{typeof(T).Name}.{value}"];

    /// <summary>An enum's values as choices in the reader's language.</summary>
    public IEnumerable<SelectListItem> Choices<T>(T? selected = null) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(Label(v), v.ToString(), Equals(v, selected)));

    /// <summary>Every stakeholder by name, an institution's member followed by its institution ("Jane Doe (Senate)").</summary>
    protected async Task<IReadOnlyList<SelectListItem>> StakeholderChoicesAsync(CancellationToken cancellationToken) =>
        (await db.Stakeholders.AsNoTracking().OrderBy(s => s.Name)
                .Select(s => new { s.Id, s.Name, ParentName = s.ParentId == null ? null : db.Stakeholders.Where(p => p.Id == s.ParentId).Select(p => p.Name).FirstOrDefault() })
                .ToListAsync(cancellationToken))
            .Select(s => new SelectListItem(s.ParentName is null ? s.Name : $"{s.Name} ({s.ParentName})", s.Id.ToString()))
            .ToList();

    /// <summary>Runs the endpoint's validator; its errors go under <paramref name="prefix"/>. True when valid.</summary>
    protected Task<bool> ValidateAsync<T>(IValidator<T> validator, T request, string prefix, Func<string, string>? mapKey = null) =>
        FormErrors.ValidateAsync(validator, request, ModelState, prefix, mapKey, LabelOf, HttpContext.RequestAborted);

    /// <summary>
    /// Runs the endpoint's handler. Its field errors go under <paramref name="prefix"/>; a locked period, a conflict
    /// or a stale version become <see cref="Problem"/>. Returns the result when it succeeded, else null.
    /// </summary>
    protected async Task<IResult?> RunAsync(Func<Task<IResult>> handler, string prefix, Func<string, string>? mapKey = null)
    {
        try
        {
            var result = await handler();
            if (FormErrors.Of(result) is { } errors)
            {
                FormErrors.Add(ModelState, errors, prefix, mapKey);
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
        catch (DbUpdateConcurrencyException)
        {
            Problem = text["Someone else saved this after you opened it, so nothing was saved. The page now shows the saved version: make your change again."];
        }
        db.ChangeTracker.Clear();
        return null;
    }

    /// <summary>The form's label of a request property, for validation messages ("'Text' must not be empty").</summary>
    protected virtual string? LabelOf(string property) => (property switch
    {
        "text" => "Text",
        "name" => "Name",
        "kind" => "Kind",
        "level" => "Level",
        "country" => "Country",
        "function" => "Public function",
        "party" => "Party",
        "action" => "Action",
        "dueDate" => "Due date",
        "changedOn" => "Day of the change",
        "evidence" => "Evidence",
        "note" => "Note",
        "stakeholderId" => "Stakeholder",
        "status" => "Status",
        _ => null,
    }) is { } label ? text[label].Value : null;
}
