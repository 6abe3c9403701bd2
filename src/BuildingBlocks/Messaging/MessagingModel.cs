using Microsoft.EntityFrameworkCore;

namespace Advocacy.BuildingBlocks.Messaging;

/// <summary>Maps the outbox and inbox tables into a module's own schema.</summary>
public static class MessagingModel
{
    /// <summary>Adds <c>outbox_messages</c> and <c>inbox_messages</c> to the module's model.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).ValueGeneratedNever();
            outbox.Property(m => m.Type).HasMaxLength(500);
            outbox.Property(m => m.Payload).HasColumnType("jsonb");
            // The dispatcher only ever looks for what is still pending.
            outbox.HasIndex(m => m.Id).HasFilter("dispatched_at IS NULL").HasDatabaseName("ix_outbox_messages_pending");
        });
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(200);
        });
        return modelBuilder;
    }
}
