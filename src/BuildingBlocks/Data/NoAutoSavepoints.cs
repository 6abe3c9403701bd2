using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Advocacy.BuildingBlocks.Data;

/// <summary>
/// Turns off the savepoint EF Core sets around a save inside a transaction. Every transaction here belongs to one
/// request or one message and is abandoned whole when a save fails, so the savepoint only costs round trips; worse,
/// when the connection is lost just after a save wrote its rows, EF swallows the failed release of the savepoint and
/// the next statement finds a dead transaction ("Transaction is already completed"): a 500 instead of a 503.
/// </summary>
internal sealed class NoAutoSavepoints : SaveChangesInterceptor
{
    public static readonly NoAutoSavepoints Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        eventData.Context!.Database.AutoSavepointsEnabled = false;
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        eventData.Context!.Database.AutoSavepointsEnabled = false;
        return ValueTask.FromResult(result);
    }
}
