using Advocacy.Modules.Coalitions.Contracts;

namespace Advocacy.Modules.Coalitions.Coalitions;

internal sealed class Coalition
{
    public const int NameMaxLength = 300;

    public Guid Id { get; init; }

    public required string Name { get; set; }

    public CoalitionLevel Level { get; set; }

    public string? Website { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }
}
