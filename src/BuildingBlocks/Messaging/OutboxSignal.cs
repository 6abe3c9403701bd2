using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Advocacy.BuildingBlocks.Messaging;

/// <summary>
/// Wakes a module's outbox dispatcher as soon as its context has saved or committed, so events
/// leave within milliseconds instead of waiting for the next poll.
/// </summary>
internal sealed class OutboxSignal<TContext> : WakeUpSignal where TContext : DbContext;

/// <summary>Notifies the dispatcher after a save outside a transaction, and after every commit.</summary>
internal sealed class OutboxSignalInterceptor<TContext>(OutboxSignal<TContext> signal)
    : DbTransactionInterceptor, ISaveChangesInterceptor where TContext : DbContext
{
    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            signal.Notify();
        }
        return ValueTask.FromResult(result);
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return Task.CompletedTask;
    }
}
