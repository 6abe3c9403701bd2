using Advocacy.Modules.Projects.Contracts;

namespace Advocacy.Modules.Events.Contracts;

/// <summary>A held event as other modules need it, carried whole by <see cref="EventHeld"/> and <see cref="HeldEventUpdated"/>.</summary>
/// <param name="EventId">The event's id.</param>
/// <param name="Title">The event's title.</param>
/// <param name="Kind">Training, conference, awareness day, hearing, presentation, workshop or consultation.</param>
/// <param name="SessionDates">The days its sessions took place, earliest first (a training on 8, 22 and 29 September).</param>
/// <param name="Place">Where, when not only online.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of the country, when not only online.</param>
/// <param name="Online">Whether it took place online.</param>
/// <param name="OrganisedByUs">Whether the organisation organised it (else it took part in another body's event).</param>
/// <param name="ProjectIds">The projects (Projects module) it is linked to.</param>
/// <param name="Attendance">Who attended, by audience and (where known) gender; Projects records it as the activity's reach.</param>
public sealed record HeldEventDetails(
    Guid EventId,
    string Title,
    EventKind Kind,
    IReadOnlyList<DateOnly> SessionDates,
    string? Place,
    string? Country,
    bool Online,
    bool OrganisedByUs,
    IReadOnlyList<Guid> ProjectIds,
    IReadOnlyList<ReachCount> Attendance);

/// <summary>Published when an event is marked held. Projects records one activity per linked project.</summary>
/// <param name="Event">The event as held.</param>
/// <param name="OccurredAt">When it was marked held.</param>
public sealed record EventHeld(HeldEventDetails Event, DateTimeOffset OccurredAt);

/// <summary>
/// Published when a held event changes (its attendance, its details or its linked projects); carries
/// the whole new state. Projects updates the activities it recorded, never adding a second one.
/// </summary>
/// <param name="Event">The event as it now is.</param>
/// <param name="OccurredAt">When it changed.</param>
public sealed record HeldEventUpdated(HeldEventDetails Event, DateTimeOffset OccurredAt);

/// <summary>Published when a held event is cancelled: the activities it produced are withdrawn.</summary>
/// <param name="EventId">The event's id.</param>
/// <param name="OccurredAt">When it was cancelled.</param>
public sealed record EventWithdrawn(Guid EventId, DateTimeOffset OccurredAt);

/// <summary>Where an event stands, as other modules see it.</summary>
public enum ScheduledEventStatus
{
    /// <summary>Planned: it has not taken place yet.</summary>
    Planned,

    /// <summary>Held: it took place.</summary>
    Held,

    /// <summary>Cancelled: it will not take place.</summary>
    Cancelled,
}

/// <summary>An event's schedule as other modules need it (planned, held or cancelled), carried whole by <see cref="EventScheduleChanged"/>.</summary>
/// <param name="EventId">The event's id.</param>
/// <param name="Title">The event's title.</param>
/// <param name="Kind">Training, conference, awareness day, hearing, presentation, workshop or consultation.</param>
/// <param name="SessionDates">The days of its sessions, earliest first.</param>
/// <param name="Place">Where, when not only online.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of the country, when not only online.</param>
/// <param name="Online">Whether it takes place online.</param>
/// <param name="ProjectIds">The projects (Projects module) it is linked to.</param>
/// <param name="Status">Planned, held or cancelled.</param>
public sealed record ScheduledEventDetails(
    Guid EventId,
    string Title,
    EventKind Kind,
    IReadOnlyList<DateOnly> SessionDates,
    string? Place,
    string? Country,
    bool Online,
    IReadOnlyList<Guid> ProjectIds,
    ScheduledEventStatus Status);

/// <summary>
/// Published whenever an event is planned or changes in any way (details, sessions, projects, held,
/// cancelled); carries the whole new state. Reports shows upcoming events on dashboards from it.
/// </summary>
/// <param name="Event">The event as it now is.</param>
/// <param name="OccurredAt">When it changed; a consumer ignores a state older than the one it holds.</param>
public sealed record EventScheduleChanged(ScheduledEventDetails Event, DateTimeOffset OccurredAt);
