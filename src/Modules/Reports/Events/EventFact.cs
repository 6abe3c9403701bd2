using Advocacy.BuildingBlocks.Data;
using Advocacy.Modules.Events.Contracts;

namespace Advocacy.Modules.Reports.Events;

/// <summary>Reports' copy of an event's schedule, as Events' <see cref="EventScheduleChanged"/> last described it.</summary>
[NotAudited]
internal sealed class EventFact
{
    public Guid EventId { get; init; }

    public string Title { get; set; } = "";

    public EventKind Kind { get; set; }

    /// <summary>The first session's day.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>The last session's day.</summary>
    public DateOnly EndsOn { get; set; }

    public string? Place { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code, when not only online.</summary>
    public string? Country { get; set; }

    public bool Online { get; set; }

    public List<Guid> ProjectIds { get; set; } = [];

    public ScheduledEventStatus Status { get; set; }

    /// <summary>When the state held here was current in Events; older messages are ignored.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
