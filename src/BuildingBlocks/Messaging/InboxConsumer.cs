using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Advocacy.BuildingBlocks.Messaging;

/// <summary>
/// Base for a module's consumers: records the message id in the module's inbox and applies the
/// change in one transaction, so a message delivered twice changes the module once.
/// </summary>
public abstract class InboxConsumer<TMessage, TContext>(TContext db) : IConsumer<TMessage>
    where TMessage : class
    where TContext : DbContext
{
    /// <summary>The consuming module's context, shared with <see cref="Handle"/>.</summary>
    protected TContext Db { get; } = db;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id; it cannot be deduplicated.");
        var schema = Db.Model.GetDefaultSchema() ?? "public";
        var consumer = GetType().FullName!;

        await using var transaction = await Db.Database.BeginTransactionAsync(context.CancellationToken);
        // The schema comes from the module's model, never from input; the values are parameters.
        // A concurrent redelivery waits here on the primary key until the first one commits, then inserts nothing.
        var insert = $$"""INSERT INTO "{{schema}}".inbox_messages (message_id, consumer, handled_at) VALUES ({0}, {1}, now()) ON CONFLICT DO NOTHING""";
        var firstTime = await Db.Database.ExecuteSqlRawAsync(
            insert,
            [messageId, consumer],
            context.CancellationToken) == 1;
        if (!firstTime)
        {
            return;
        }
        await Handle(context.Message, context.CancellationToken);
        await Db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }

    /// <summary>Applies the message to <see cref="Db"/>; the base class saves and commits.</summary>
    protected abstract Task Handle(TMessage message, CancellationToken cancellationToken);
}
