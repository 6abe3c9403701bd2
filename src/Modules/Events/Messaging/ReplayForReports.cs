using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Events.Data;
using Advocacy.Modules.Reports.Contracts;

namespace Advocacy.Modules.Events.Messaging;

/// <summary>Publishes all of Events' events again when Reports rebuilds its read model.</summary>
internal sealed class ReplayForReportsConsumer(EventsDbContext db) : InboxConsumer<ReadModelRebuildRequested, EventsDbContext>(db)
{
    protected override Task Handle(ReadModelRebuildRequested message, CancellationToken cancellationToken) =>
        OutboxReplay.ReopenAllAsync(Db, cancellationToken);
}
