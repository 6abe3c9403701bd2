using System.Globalization;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Events.Contracts;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;

namespace Advocacy.Modules.Projects.Activities.FromOtherModules;

/// <summary>An event marked held becomes an activity of each linked project, with its attendance as reach.</summary>
internal sealed class EventHeldConsumer(ProjectsDbContext db) : InboxConsumer<EventHeld, ProjectsDbContext>(db)
{
    protected override Task Handle(EventHeld message, CancellationToken cancellationToken) =>
        EventActivities.ApplyAsync(Db, message.Event, message.OccurredAt, cancellationToken);
}

/// <summary>A held event's change (attendance, details, links) updates the activities it produced.</summary>
internal sealed class HeldEventUpdatedConsumer(ProjectsDbContext db) : InboxConsumer<HeldEventUpdated, ProjectsDbContext>(db)
{
    protected override Task Handle(HeldEventUpdated message, CancellationToken cancellationToken) =>
        EventActivities.ApplyAsync(Db, message.Event, message.OccurredAt, cancellationToken);
}

/// <summary>A held event that is cancelled withdraws the activities it produced.</summary>
internal sealed class EventWithdrawnConsumer(ProjectsDbContext db) : InboxConsumer<EventWithdrawn, ProjectsDbContext>(db)
{
    protected override Task Handle(EventWithdrawn message, CancellationToken cancellationToken) =>
        SourcedActivities.WithdrawAsync(Db, ActivitySource.Event, EventActivities.SourceKey(message.EventId), message.OccurredAt, cancellationToken);
}

internal static class EventActivities
{
    public static string SourceKey(Guid eventId) => $"event:{eventId}";

    /// <summary>The activity type each kind of event is logged as.</summary>
    public static ActivityType TypeOf(EventKind kind) => kind switch
    {
        EventKind.Training => ActivityType.Training,
        EventKind.AwarenessDay => ActivityType.AwarenessCampaign,
        EventKind.ParliamentaryHearing => ActivityType.ParliamentaryEvent,
        EventKind.Presentation => ActivityType.MeetingWithPolicyMakers,
        EventKind.Workshop => ActivityType.Workshop,
        EventKind.Consultation => ActivityType.ConsultationOrSubmission,
        _ => ActivityType.Other,
    };

    public static Task ApplyAsync(ProjectsDbContext db, HeldEventDetails held, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var sessions = held.SessionDates.Order().ToList();
        var notes = sessions.Count > 1
            ? $"{sessions.Count} sessions: {string.Join(", ", sessions.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}."
            : null;
        var state = new SourcedActivity(
            TypeOf(held.Kind), sessions.FirstOrDefault(), held.Title, notes, held.Online && held.Place is null ? "Online" : held.Place,
            held.Country, held.Attendance, EventId: held.EventId);
        return SourcedActivities.ApplyAsync(db, ActivitySource.Event, SourceKey(held.EventId), occurredAt, held.ProjectIds, state, cancellationToken);
    }
}
