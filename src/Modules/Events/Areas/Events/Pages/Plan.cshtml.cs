using Advocacy.BuildingBlocks.Authorization;
using Advocacy.Modules.Events.Data;
using Advocacy.Modules.Events.Events;
using Advocacy.Modules.Events.Events.PlanEvent;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Events.Areas.Events.Pages;

/// <summary>Plan an event: the plan endpoint's validator and handler, then the event's page.</summary>
[Authorize(Policy = Policies.Write)]
internal sealed class PlanModel(EventsDbContext db, IValidator<EventRequest> validator, IStringLocalizer<EventsText> text, TimeProvider clock)
    : EventFormPage(db, validator, text)
{
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input = new EventForm { OrganisedByUs = true };
        await LoadChoicesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (valid, request, rowOf) = await ValidateAsync();
        if (valid && await RunAsync(async () => await PlanEventEndpoint.Handle(request, Db, clock, cancellationToken), rowOf)
                is Created<EventResponse> { Value: { } planned })
        {
            TempData["Notice"] = Text["Event planned: {0}.", planned.Title].Value;
            return RedirectToPage("Event", new { id = planned.Id });
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }
}
