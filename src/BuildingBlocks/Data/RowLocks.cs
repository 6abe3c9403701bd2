using Microsoft.EntityFrameworkCore;

namespace Advocacy.BuildingBlocks.Data;

/// <summary>
/// Serialises work on one logical record across concurrent transactions (two consumers creating the
/// same read-model row at once), with a PostgreSQL advisory lock held until the transaction ends.
/// </summary>
public static class RowLocks
{
    /// <summary>Waits for, then holds until commit or rollback, the lock named by <paramref name="key"/>.</summary>
    public static Task LockForTransactionAsync(this DbContext db, string key, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);

    /// <summary>
    /// Waits for, then holds until commit or rollback, the lock named by <paramref name="key"/> in shared mode:
    /// any number of transactions hold it together, while <see cref="LockForTransactionAsync"/> waits for all of them.
    /// </summary>
    public static Task LockSharedForTransactionAsync(this DbContext db, string key, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared(hashtextextended({key}, 0))", cancellationToken);
}
