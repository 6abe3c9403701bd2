using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Events.Data;
using Advocacy.Modules.Reports.Contracts;

namespace Advocacy.Modules.Events.Messaging;

/// <summary>Publishes all of Events' events again when Reports rebuilds its read model.</summary>
internal sealed class ReplayForReportsConsumer(EventsDbContext db) : InboxConsumer<ReadModelRebuildRequested, EventsDbContext>(db)
{
    protected override async Task Handle(ReadModelRebuildRequested message, CancellationToken cancellationToken)
    {
        await OutboxReplay.ReopenAllAsync(Db, cancellationToken);
        // The history alone misses events written before EventScheduleChanged existed: add every event's current
        // state after it (newer outbox ids), in the inbox's transaction, so a redelivered request adds none twice.
        var events = await Db.Events.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var current in events)
        {
            Db.AddIntegrationEvent(current.ScheduleChanged());
        }
    }
}
