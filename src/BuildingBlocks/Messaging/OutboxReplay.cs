using Microsoft.EntityFrameworkCore;

namespace Advocacy.BuildingBlocks.Messaging;

/// <summary>Publishes a module's whole outbox history again, for a read model that is being rebuilt.</summary>
public static class OutboxReplay
{
    /// <summary>
    /// Marks every dispatched row of the module's outbox pending again; the dispatcher then publishes
    /// them in their original order. Rows set aside as unreadable stay aside.
    /// </summary>
    public static Task<int> ReopenAllAsync(DbContext db, CancellationToken cancellationToken) =>
        ReopenAsync(db, DateTimeOffset.MinValue, cancellationToken);

    /// <summary>Marks the rows dispatched after <paramref name="dispatchedAfter"/> pending again.</summary>
    public static Task<int> ReopenAsync(DbContext db, DateTimeOffset dispatchedAfter, CancellationToken cancellationToken)
    {
        var schema = db.Model.GetDefaultSchema() ?? "public";
        // The schema comes from the module's model, never from input.
        var reopen = $$"""UPDATE "{{schema}}".outbox_messages SET dispatched_at = NULL WHERE dispatched_at > {0}""";
        return db.Database.ExecuteSqlRawAsync(reopen, [dispatchedAfter], cancellationToken);
    }
}
