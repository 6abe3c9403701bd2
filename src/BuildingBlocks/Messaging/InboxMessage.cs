namespace Advocacy.BuildingBlocks.Messaging;

/// <summary>
/// A message a consumer has handled, kept in the consuming module's schema so a redelivery
/// of the same message id is recognised and changes nothing.
/// </summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    /// <summary>The consumer's name: one message may be handled by several consumers of a module.</summary>
    public string Consumer { get; set; } = "";

    public DateTimeOffset HandledAt { get; set; }
}
