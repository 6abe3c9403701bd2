using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Events.Data;
using Advocacy.Modules.Events.Events;
using Advocacy.Modules.Events.Events.CancelEvent;
using Advocacy.Modules.Events.Events.GetEvent;
using Advocacy.Modules.Events.Participants.AddParticipant;
using Advocacy.Modules.Events.Participants.RemoveParticipant;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Events.Areas.Events.Pages;

/// <summary>One event: its details, attendance and participants; cancel it, add or remove a participant.</summary>
// Reading and changing events are open to the same roles (Policies.Read and Write), and Razor Pages
// authorize a page, not a handler: the page asks for Write.
[Authorize(Policy = Policies.Write)]
internal sealed class EventPage(
    EventsDbContext db, IValidator<ParticipantRequest> participantValidator, IStringLocalizer<EventsText> text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public EventResponse Event { get; private set; } = null!;

    /// <summary>The linked projects' names, from Events' own copy of them.</summary>
    public IReadOnlyDictionary<Guid, string> ProjectNames { get; private set; } = new Dictionary<Guid, string>();

    [BindProperty]
    public ParticipantForm Participant { get; set; } = new();

    /// <summary>The version of the event the reader saw, sent with "cancel".</summary>
    [BindProperty]
    public uint? Version { get; set; }

    public string? Problem { get; private set; }

    /// <summary>Whether the event may be marked held today (its first session has taken place).</summary>
    public bool CanMarkHeld => Event.Status == EventStatus.Planned && Event.StartsOn <= EventsApi.LatestHeldStart(clock);

    /// <summary>The event, or null when there is none with that id.</summary>
    public static async Task<EventResponse?> FindAsync(Guid id, EventsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            return (await GetEventEndpoint.Handle(id, db, cancellationToken)).Value;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        var (result, problem) = await FormSubmit.RunAsync(
            async () => await CancelEventEndpoint.Handle(Id, new CancelEventRequest(Version), db, clock, cancellationToken),
            db, ModelState, "", EventFormPage.StaleMessage(text));
        if (result is not null)
        {
            TempData["Notice"] = text["The event is cancelled."].Value;
            return RedirectToPage(new { id = Id });
        }
        Problem = problem;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAddParticipantAsync(CancellationToken cancellationToken)
    {
        var request = Participant.ToRequest();
        if (ModelState.IsValid
            && await FormErrors.ValidateAsync(participantValidator, request, ModelState, nameof(Participant),
                labelOf: FormLabels.For(text, ("organisation", "Organisation"), ("role", "Role"), ("personName", "Person's name"), ("consentRecordedOn", "Consent recorded on")),
                cancellationToken: cancellationToken))
        {
            var (result, problem) = await FormSubmit.RunAsync(
                async () => await AddParticipantEndpoint.Handle(Id, request, db, clock, cancellationToken),
                db, ModelState, nameof(Participant), EventFormPage.StaleMessage(text));
            if (result is not null)
            {
                TempData["Notice"] = text["Participant added: {0}.", request.Organisation.Trim()].Value;
                return RedirectToPage(null, null, new { id = Id }, "participants");
            }
            Problem = problem;
        }
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRemoveParticipantAsync(Guid participantId, CancellationToken cancellationToken)
    {
        try
        {
            await RemoveParticipantEndpoint.Handle(Id, participantId, db, cancellationToken);
        }
        catch (NotFoundException)
        {
            // Removed already (another tab, a colleague): what the reader wanted is done.
        }
        TempData["Notice"] = text["Participant removed."].Value;
        return RedirectToPage(null, null, new { id = Id }, "participants");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(Id, db, cancellationToken) is not { } found)
        {
            return false;
        }
        Event = found;
        ProjectNames = await db.KnownProjects.AsNoTracking()
            .Where(p => found.ProjectIds.Contains(p.ProjectId))
            .ToDictionaryAsync(p => p.ProjectId, p => p.Code + " – " + p.Name, cancellationToken);
        return true;
    }
}

/// <summary>A participant as the form posts it; a person is named only with the date their consent was recorded.</summary>
internal sealed class ParticipantForm
{
    public string? Organisation { get; set; }

    public string? Role { get; set; }

    public string? PersonName { get; set; }

    public DateOnly? ConsentRecordedOn { get; set; }

    public ParticipantRequest ToRequest() => new(
        Organisation ?? "", Role ?? "", BuildingBlocks.Input.Blank(PersonName), ConsentRecordedOn);
}
