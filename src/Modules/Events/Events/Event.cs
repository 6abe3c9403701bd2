using Advocacy.Modules.Events.Contracts;
using Advocacy.Modules.Projects.Contracts;

namespace Advocacy.Modules.Events.Events;

/// <summary>Where an event stands: planned, then held or cancelled.</summary>
internal enum EventStatus
{
    Planned,
    Held,
    Cancelled,
}

/// <summary>
/// A training, conference, awareness day, hearing, presentation, workshop or consultation: one or several
/// sessions, a place or online, an organiser, linked projects and, once held, its attendance.
/// </summary>
internal sealed class Event
{
    public const int TitleMaxLength = 300;
    public const int DescriptionMaxLength = 4000;
    public const int PlaceMaxLength = 300;
    public const int OrganiserNameMaxLength = 300;
    public const int OnlineUrlMaxLength = 2000;

    public Guid Id { get; init; }

    public required string Title { get; set; }

    public EventKind Kind { get; set; }

    public string? Description { get; set; }

    /// <summary>Its sessions, earliest first; at least one.</summary>
    public List<EventSession> Sessions { get; set; } = [];

    /// <summary>The first session's date, kept in a column of its own for filtering and sorting.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>Where it takes place; may be empty for an online event or an awareness day.</summary>
    public string? Place { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public string? Country { get; set; }

    /// <summary>Online, or hybrid when it also has a place.</summary>
    public bool Online { get; set; }

    public string? OnlineUrl { get; set; }

    public bool OrganisedByUs { get; set; }

    /// <summary>The body that organised it (required when not us), or co-organisers.</summary>
    public string? OrganiserName { get; set; }

    /// <summary>Projects (Projects module) the event is linked to; each one known through <c>known_projects</c>.</summary>
    public List<Guid> ProjectIds { get; set; } = [];

    /// <summary>Who attended, by audience and (where known) gender; recorded when the event is held.</summary>
    public List<EventAttendance> Attendance { get; set; } = [];

    public EventStatus Status { get; set; }

    public DateTimeOffset? HeldAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public int TotalAttendance => Attendance.Sum(a => a.Count);

    /// <summary>The event as other modules learn of it once held.</summary>
    public HeldEventDetails ToHeldDetails() => new(
        Id, Title, Kind, Sessions.Select(s => s.Date).Order().ToList(), Place, Country, Online, OrganisedByUs,
        ProjectIds.ToList(), Attendance.Select(a => new ReachCount(a.Audience, a.Gender, a.Count)).ToList());

    /// <summary>The event's schedule as other modules learn of it, whatever its status.</summary>
    public ScheduledEventDetails ToScheduleDetails() => new(
        Id, Title, Kind, Sessions.Select(s => s.Date).Order().ToList(), Place, Country, Online, ProjectIds.ToList(),
        Status switch
        {
            EventStatus.Planned => ScheduledEventStatus.Planned,
            EventStatus.Held => ScheduledEventStatus.Held,
            EventStatus.Cancelled => ScheduledEventStatus.Cancelled,
            _ => throw new InvalidOperationException($"Unknown event status {Status}."),
        });

    /// <summary>
    /// The event's whole current state for Reports. Dated by <see cref="UpdatedAt"/>, the same instant the handlers
    /// give EventHeld and its kin, so a consumer keeping the newest state orders them as Events wrote them.
    /// </summary>
    public EventScheduleChanged ScheduleChanged() => new(ToScheduleDetails(), UpdatedAt);
}

/// <summary>One day of an event, with its hours when known.</summary>
internal sealed class EventSession
{
    public DateOnly Date { get; set; }

    public TimeOnly? StartTime { get; set; }

    public TimeOnly? EndTime { get; set; }
}

/// <summary>How many people of an audience (and, where known, gender) attended.</summary>
internal sealed class EventAttendance
{
    public Audience Audience { get; set; }

    public Gender? Gender { get; set; }

    public int Count { get; set; }
}
