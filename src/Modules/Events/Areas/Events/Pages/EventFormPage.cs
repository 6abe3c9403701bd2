using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Events.Data;
using Advocacy.Modules.Events.Events;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Events.Areas.Events.Pages;

/// <summary>
/// What planning and editing an event share: the form, its choices (countries, the projects Events knows),
/// session rows added and removed by a round trip, and the endpoint's answers turned into messages.
/// </summary>
internal abstract class EventFormPage(EventsDbContext db, IValidator<EventRequest> validator, IStringLocalizer<EventsText> text) : PageModel
{
    protected const string Prefix = nameof(Input);

    protected EventsDbContext Db => db;

    protected IStringLocalizer<EventsText> Text => text;

    [BindProperty]
    public EventForm Input { get; set; } = new();

    /// <summary>A message about the whole form (a conflict, a stale version), shown above it.</summary>
    public string? Problem { get; protected set; }

    public IReadOnlyList<SelectListItem> Projects { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Countries { get; private set; } = [];

    public async Task<IActionResult> OnPostAddSessionAsync(CancellationToken cancellationToken)
    {
        // Rows renumber; posted values must not override them.
        ModelState.Clear();
        if (Input.Sessions.Count < EventForm.MaxSessionRows)
        {
            Input.Sessions.Add(new SessionRow());
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveSessionAsync(int row, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (row >= 0 && row < Input.Sessions.Count)
        {
            Input.Sessions.RemoveAt(row);
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    /// <summary>The projects events may be linked to (Events' own copy of them) and the countries, by name.</summary>
    protected async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Projects = await db.KnownProjects.AsNoTracking()
            .OrderBy(p => p.Code)
            .Select(p => new SelectListItem(p.Code + " – " + p.Name, p.ProjectId.ToString()))
            .ToListAsync(cancellationToken);
        Countries = Display.CountryChoices();
        Input.Padded();
    }

    /// <summary>Binding errors, then the endpoint's validator; true when the form may go to the handler.</summary>
    protected async Task<(bool Valid, EventRequest Request, IReadOnlyList<int> RowOf)> ValidateAsync()
    {
        var request = Input.ToRequest(out var rowOf);
        if (!ModelState.IsValid)
        {
            return (false, request, rowOf);
        }
        var valid = await FormErrors.ValidateAsync(validator, request, ModelState, Prefix, key => EventForm.FormKey(key, rowOf), FormLabels.For(text,
            ("title", "Title"), ("kind", "Kind"), ("description", "Description"), ("sessions", "Sessions"), ("date", "Date"),
            ("startTime", "Starts at"), ("endTime", "Ends at"), ("place", "Place"), ("country", "Country"), ("onlineUrl", "Link to join"),
            ("organisedByUs", "Organiser"), ("organiserName", "Organiser's name"), ("projectIds", "Linked projects")),
            HttpContext.RequestAborted);
        return (valid, request, rowOf);
    }

    /// <summary>Runs the endpoint's handler; null (with messages on the form) when it wrote nothing.</summary>
    protected async Task<IResult?> RunAsync(Func<Task<IResult>> handler, IReadOnlyList<int> rowOf)
    {
        var (result, problem) = await FormSubmit.RunAsync(handler, db, ModelState, Prefix, StaleMessage(text), key => EventForm.FormKey(key, rowOf));
        Problem = problem;
        return result;
    }

    public static string StaleMessage(IStringLocalizer<EventsText> text) =>
        text["Someone else changed this event since you opened it, so nothing was saved. Reload the page and make your change again."];
}
