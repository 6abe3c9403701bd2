using Advocacy.Modules.Coalitions.Contracts;

namespace Advocacy.Modules.Coalitions.Coalitions;

/// <summary>The organisation's part in a coalition or platform.</summary>
internal enum CoalitionRole
{
    Member,
    SteeringGroup,
    Secretariat,
    Observer,
}

/// <summary>A coalition or platform the organisation belongs to (or belonged to: <see cref="LeftOn"/>).</summary>
internal sealed class Coalition
{
    public Guid Id { get; init; }

    /// <summary>Unique, whatever the case.</summary>
    public required string Name { get; set; }

    public CoalitionLevel Level { get; set; }

    public string? Website { get; set; }

    public CoalitionRole OurRole { get; set; }

    public DateOnly? JoinedOn { get; set; }

    /// <summary>Set once the organisation has left; a coalition without it is a current one.</summary>
    public DateOnly? LeftOn { get; set; }

    public string? Description { get; set; }

    public List<CoalitionMember> Members { get; set; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }
}

/// <summary>An organisation that is a member of a coalition; its name is unique within the coalition.</summary>
internal sealed class CoalitionMember
{
    public Guid Id { get; init; }

    public Guid CoalitionId { get; init; }

    public required string Name { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code, when known.</summary>
    public string? Country { get; init; }

    public DateTimeOffset AddedAt { get; init; }
}
