using Microsoft.EntityFrameworkCore;

namespace Advocacy.BuildingBlocks.Messaging;

/// <summary>Queues integration events in the module's outbox.</summary>
public static class OutboxExtensions
{
    /// <summary>
    /// Adds the event to the outbox of this context. It is written by the next
    /// <c>SaveChangesAsync</c>, in the same transaction as the state change, and published after commit.
    /// </summary>
    public static void AddIntegrationEvent<TEvent>(this DbContext db, TEvent integrationEvent) where TEvent : class =>
        db.Set<OutboxMessage>().Add(OutboxMessage.From(integrationEvent));
}
