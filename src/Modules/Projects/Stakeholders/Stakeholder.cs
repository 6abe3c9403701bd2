using Advocacy.Modules.Projects.Contracts;

namespace Advocacy.Modules.Projects.Stakeholders;

/// <summary>
/// An institution or person advocacy is aimed at: a parliament and its committees, a ministry, an EU
/// institution, a Council of Europe body, a company, a medium. For a person only the public role is kept
/// (function, institution, party): no contact details, nothing private.
/// </summary>
internal sealed class Stakeholder
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    public StakeholderKind Kind { get; set; }

    public StakeholderLevel Level { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code; required at national and regional level.</summary>
    public string? Country { get; set; }

    /// <summary>The institution it belongs to: a committee's parliament, a person's institution. Never a person; never a cycle.</summary>
    public Guid? ParentId { get; set; }

    /// <summary>A person's public function; null for an institution.</summary>
    public string? Function { get; set; }

    /// <summary>A person's political party, when public; null for an institution.</summary>
    public string? Party { get; set; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public StakeholderRef ToRef() => new(Id, Name, Kind, Level, Country);

    public StakeholderDetails ToDetails() => new(Id, Name, Kind, Level, Country, ParentId, Function, Party);
}
