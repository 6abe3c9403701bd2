using Advocacy.Modules.Coalitions.Contracts;

namespace Advocacy.Modules.Coalitions.Statements;

internal enum StatementKind
{
    /// <summary>A joint statement, e.g. to the European institutions.</summary>
    Statement,

    /// <summary>A joint position.</summary>
    Position,
}

/// <summary>
/// A joint statement or position: made within a coalition, or a network statement outside one, with the
/// organisations that signed it.
/// </summary>
internal sealed class Statement
{
    public Guid Id { get; init; }

    public Guid? CoalitionId { get; set; }

    public StatementKind Kind { get; set; }

    public required string Title { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>To whom, e.g. "European institutions".</summary>
    public required string AddressedTo { get; set; }

    /// <summary>The organisations that signed it, by name; the organisation itself usually among them.</summary>
    public List<string> Signatories { get; set; } = [];

    public bool SignedByUs { get; set; }

    /// <summary>The projects (Projects module) it served.</summary>
    public List<Guid> ProjectIds { get; set; } = [];

    public required string RecordedBy { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    /// <summary>Whether Projects records it as advocacy work: we signed it and it served projects.</summary>
    public bool IsReported => SignedByUs && ProjectIds.Count > 0;

    /// <summary>The statement's whole state for Projects; no projects when it is not (or no longer) reported.</summary>
    public StatementSigned ToEvent(string? coalitionName, DateTimeOffset occurredAt) => new(
        Id, CoalitionId, coalitionName, Title, Date, AddressedTo, Signatories.Count, IsReported ? ProjectIds.ToList() : [], occurredAt);
}
