using Advocacy.Modules.Projects.Contracts;

namespace Advocacy.Modules.Projects.Projects;

internal sealed class Project
{
    public const int CodeMaxLength = 30;
    public const int NameMaxLength = 200;

    public Guid Id { get; init; }

    /// <summary>The short code staff use, e.g. REACT; unique.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public ProjectLevel Level { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }
}
