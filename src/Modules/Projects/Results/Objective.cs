namespace Advocacy.Modules.Projects.Results;

/// <summary>An objective of a project's results framework; its indicators measure it.</summary>
internal sealed class Objective
{
    public const int CodeMaxLength = 20;
    public const int TitleMaxLength = 500;

    public Guid Id { get; init; }

    public Guid ProjectId { get; init; }

    /// <summary>A short reference staff use, e.g. "O1"; unique within the project.</summary>
    public required string Code { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }
}
