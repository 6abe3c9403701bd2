using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Reports.Contracts;

namespace Advocacy.Modules.Reports.Publications;

internal enum PublicationStatus
{
    /// <summary>Being written; nobody outside has seen it.</summary>
    Draft,

    /// <summary>Out: published on <see cref="Publication.PublishedOn"/>.</summary>
    Published,
}

/// <summary>
/// A report the organisation publishes: research, a monitoring report, a policy brief, a leaflet, a video.
/// Source data owned by Reports (not read model: a rebuild leaves it alone).
/// </summary>
internal sealed class Publication
{
    public Guid Id { get; init; }

    /// <summary>The title in the default language.</summary>
    public required string Title { get; set; }

    /// <summary>The title in other languages (en, fr, nl), when staff gave them.</summary>
    public List<Translation> TitleTranslations { get; set; } = [];

    public PublicationType Type { get; set; }

    public string? Description { get; set; }

    public PublicationStatus Status { get; set; }

    public DateOnly? PublishedOn { get; set; }

    /// <summary>The languages it is available in, as BCP 47 tags.</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>Where it can be read: an absolute http(s) address.</summary>
    public string? Link { get; set; }

    /// <summary>The projects (Projects module) it served.</summary>
    public List<Guid> ProjectIds { get; set; } = [];

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    /// <summary>The publication's whole state for Projects; only a published one has one.</summary>
    public PublicationPublished ToEvent(DateTimeOffset occurredAt) => new(
        Id, Title, Type, PublishedOn!.Value, Languages.ToList(), Link, ProjectIds.ToList(), occurredAt);
}

/// <summary>To whom a recommendation is addressed.</summary>
internal enum RecommendationAddressee
{
    Government,
    Parliament,
    EuInstitutions,
    CouncilOfEurope,
    UnBodies,
    Professionals,
    Other,
}

/// <summary>Where a recommendation stands.</summary>
internal enum RecommendationStatus
{
    Open,
    Acknowledged,
    InProgress,
    Implemented,
    Rejected,
}

/// <summary>A recommendation a publication makes, and where it stands.</summary>
internal sealed class Recommendation
{
    public Guid Id { get; init; }

    public Guid PublicationId { get; init; }

    public required string Text { get; set; }

    public RecommendationAddressee AddressedTo { get; set; }

    public RecommendationStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    /// <summary>Its status changes, oldest first; append-only.</summary>
    public List<RecommendationStatusChange> History { get; init; } = [];

    /// <summary>Statuses that need evidence (a law, a reply, a decision).</summary>
    public static bool NeedsEvidence(RecommendationStatus status) =>
        status is RecommendationStatus.Implemented or RecommendationStatus.Rejected;
}

/// <summary>One change of a recommendation's status, with its evidence. Never edited or deleted.</summary>
internal sealed class RecommendationStatusChange
{
    public Guid Id { get; init; }

    public Guid RecommendationId { get; init; }

    public RecommendationStatus From { get; init; }

    public RecommendationStatus To { get; init; }

    public DateOnly ChangedOn { get; init; }

    public string? Evidence { get; init; }

    public required string ChangedBy { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}
