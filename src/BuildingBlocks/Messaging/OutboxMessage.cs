using System.Text.Json;

namespace Advocacy.BuildingBlocks.Messaging;

/// <summary>
/// An integration event waiting to be published, stored in the publishing module's schema
/// in the same transaction as the state change that raised it.
/// </summary>
public sealed class OutboxMessage
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private OutboxMessage() { }

    /// <summary>Also the MassTransit message id, so consumers can recognise a redelivery.</summary>
    public Guid Id { get; private set; }

    /// <summary>The CLR type of the event, as "Full.Name, Assembly".</summary>
    public string Type { get; private set; } = "";

    /// <summary>The event serialised as JSON.</summary>
    public string Payload { get; private set; } = "";

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>Null until the dispatcher has handed the event to the bus.</summary>
    public DateTimeOffset? DispatchedAt { get; internal set; }

    public int Attempts { get; internal set; }

    public string? LastError { get; internal set; }

    /// <summary>Wraps an integration event for the outbox.</summary>
    public static OutboxMessage From<TEvent>(TEvent integrationEvent, TimeProvider? clock = null) where TEvent : class
    {
        var type = integrationEvent.GetType();
        return new OutboxMessage
        {
            // Version 7 ids sort by creation time, which keeps dispatch in commit order.
            Id = Guid.CreateVersion7(),
            Type = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Payload = JsonSerializer.Serialize(integrationEvent, type, Json),
            OccurredAt = (clock ?? TimeProvider.System).GetUtcNow(),
        };
    }

    internal (object Message, Type Type) Deserialize()
    {
        var type = System.Type.GetType(Type, throwOnError: true)!;
        return (JsonSerializer.Deserialize(Payload, type, Json)!, type);
    }
}
