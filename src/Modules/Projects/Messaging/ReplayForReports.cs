using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Reports.Contracts;

namespace Advocacy.Modules.Projects.Messaging;

/// <summary>Publishes all of Projects' events again when Reports rebuilds its read model.</summary>
internal sealed class ReplayForReportsConsumer(ProjectsDbContext db) : InboxConsumer<ReadModelRebuildRequested, ProjectsDbContext>(db)
{
    protected override Task Handle(ReadModelRebuildRequested message, CancellationToken cancellationToken) =>
        OutboxReplay.ReopenAllAsync(Db, cancellationToken);
}
