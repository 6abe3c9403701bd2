using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Events.Contracts;
using Advocacy.Modules.Reports.Data;

namespace Advocacy.Modules.Reports.Events;

/// <summary>Keeps Reports' copy of an event's schedule, for the upcoming events on dashboards.</summary>
internal sealed class EventScheduleChangedConsumer(ReportsDbContext db) : InboxConsumer<EventScheduleChanged, ReportsDbContext>(db)
{
    protected override async Task Handle(EventScheduleChanged message, CancellationToken cancellationToken)
    {
        var scheduled = message.Event;
        // Two changes of one event may be consumed at once: the first to take the lock creates the row.
        await Db.LockForTransactionAsync($"event-fact:{scheduled.EventId}", cancellationToken);
        var fact = await Db.EventFacts.FindAsync([scheduled.EventId], cancellationToken);
        // Messages may arrive out of order (redelivery, replay): an older state never overwrites a newer one.
        if (fact is not null && fact.UpdatedAt >= message.OccurredAt)
        {
            return;
        }
        if (fact is null)
        {
            fact = new EventFact { EventId = scheduled.EventId };
            Db.EventFacts.Add(fact);
        }
        fact.Title = scheduled.Title;
        fact.Kind = scheduled.Kind;
        fact.StartsOn = scheduled.SessionDates.Min();
        fact.EndsOn = scheduled.SessionDates.Max();
        fact.Place = scheduled.Place;
        fact.Country = scheduled.Country;
        fact.Online = scheduled.Online;
        fact.ProjectIds = scheduled.ProjectIds.Distinct().ToList();
        fact.Status = scheduled.Status;
        fact.UpdatedAt = message.OccurredAt;
    }
}
