namespace Advocacy.Modules.Projects.Deliverables;

/// <summary>What a deliverable is.</summary>
internal enum DeliverableKind
{
    Leaflet,
    Video,
    Report,
    Toolkit,
    Website,
    Other,
}

/// <summary>Where one language version of a deliverable stands.</summary>
internal enum LanguageVersionStatus
{
    Planned,
    InTranslation,
    Published,
}

/// <summary>Something a project produces, e.g. ReACT's leaflet, in one or more languages.</summary>
internal sealed class Deliverable
{
    public const int TitleMaxLength = 300;

    public Guid Id { get; init; }

    public Guid ProjectId { get; init; }

    public required string Title { get; set; }

    public DeliverableKind Kind { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public List<DeliverableLanguage> Languages { get; set; } = [];

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }
}

/// <summary>One language version of a deliverable.</summary>
internal sealed class DeliverableLanguage
{
    public const int UrlMaxLength = 1000;

    public Guid DeliverableId { get; init; }

    /// <summary>A BCP 47 tag: "fr", "ps", "pcm".</summary>
    public required string Language { get; init; }

    public LanguageVersionStatus Status { get; set; }

    /// <summary>Set when <see cref="Status"/> is published.</summary>
    public DateOnly? PublishedOn { get; set; }

    public string? Url { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
