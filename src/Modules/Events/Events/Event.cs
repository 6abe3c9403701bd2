using Advocacy.Modules.Events.Contracts;

namespace Advocacy.Modules.Events.Events;

internal sealed class Event
{
    public const int TitleMaxLength = 300;

    public Guid Id { get; init; }

    public required string Title { get; set; }

    public EventKind Kind { get; set; }

    public DateOnly StartsOn { get; set; }

    /// <summary>Where it takes place; null when online.</summary>
    public string? Place { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }
}
