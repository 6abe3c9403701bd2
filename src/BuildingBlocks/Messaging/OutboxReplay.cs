using Microsoft.EntityFrameworkCore;

namespace Advocacy.BuildingBlocks.Messaging;

/// <summary>Publishes a module's whole outbox history again, for a read model that is being rebuilt.</summary>
public static class OutboxReplay
{
    /// <summary>
    /// Marks every dispatched row of the module's outbox pending again; the dispatcher then publishes
    /// them in their original order. Rows set aside as unreadable stay aside.
    /// </summary>
    public static Task<int> ReopenAllAsync(DbContext db, CancellationToken cancellationToken)
    {
        var schema = db.Model.GetDefaultSchema() ?? "public";
        // The schema comes from the module's model, never from input.
        var reopen = $"""UPDATE "{schema}".outbox_messages SET dispatched_at = NULL WHERE dispatched_at IS NOT NULL""";
        return db.Database.ExecuteSqlRawAsync(reopen, cancellationToken);
    }
}
