using Advocacy.BuildingBlocks;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Events.Contracts;
using Advocacy.Modules.Events.Data;
using Advocacy.Modules.Events.Events;
using Advocacy.Modules.Events.Events.ListEvents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Advocacy.Modules.Events.Areas.Events.Pages;

/// <summary>Which events the list shows: from today on (soonest first) or before today (latest first).</summary>
internal enum EventsWhen
{
    Upcoming,
    Past,
}

/// <summary>The events, upcoming or past, filtered by kind and status, paged: the list endpoint's query.</summary>
[Authorize(Policy = Policies.Read)]
internal sealed class IndexModel(EventsDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public EventsWhen When { get; set; }

    [BindProperty(SupportsGet = true)]
    public EventKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public EventStatus? Status { get; set; }

    // "page" is taken: Razor Pages route by it.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Page<EventResponse> Events { get; private set; } = new([], 1, PageSize, 0);

    public int PageCount => Math.Max(1, (Events.TotalCount + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // An address edited by hand (page=0, kind=nonsense) shows the first page, unfiltered.
        PageNumber = Math.Max(1, PageNumber);
        var today = clock.Today();
        var upcoming = When == EventsWhen.Upcoming;
        var result = await ListEventsEndpoint.Handle(
            db, cancellationToken,
            status: Status?.ToString(), kind: Kind?.ToString(),
            from: upcoming ? today : null, to: upcoming ? null : today.AddDays(-1),
            sort: upcoming ? "date" : "-date", page: PageNumber, pageSize: PageSize);
        if (result.Result is Ok<Page<EventResponse>> { Value: { } page })
        {
            Events = page;
        }
    }

    /// <summary>The list's address with the current filters and one of them changed.</summary>
    public string Link(EventsWhen? when = null, int? page = null) =>
        Url.Page("Index", new { when = (when ?? When).ToString().ToLowerInvariant(), kind = Kind, status = Status, p = page ?? 1 })!;
}
