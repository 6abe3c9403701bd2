using Advocacy.BuildingBlocks.Authorization;
using Advocacy.Modules.Events.Data;
using Advocacy.Modules.Events.Events;
using Advocacy.Modules.Events.Events.GetEvent;
using Advocacy.Modules.Events.Events.UpdateEvent;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Events.Areas.Events.Pages;

/// <summary>Edit an event's details, sessions and linked projects, with the version read when the form was shown.</summary>
[Authorize(Policy = Policies.Write)]
internal sealed class EditModel(EventsDbContext db, IValidator<EventRequest> validator, IStringLocalizer<EventsText> text, TimeProvider clock)
    : EventFormPage(db, validator, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await EventPage.FindAsync(Id, Db, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        if (found.Status == EventStatus.Cancelled)
        {
            return RedirectToPage("Event", new { id = Id });
        }
        Input = EventForm.From(found);
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (valid, request, rowOf) = await ValidateAsync();
        if (valid && await RunAsync(async () => await UpdateEventEndpoint.Handle(Id, request, Db, clock, cancellationToken), rowOf) is not null)
        {
            TempData["Notice"] = Text["Changes saved."].Value;
            return RedirectToPage("Event", new { id = Id });
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }
}
