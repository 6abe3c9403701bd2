using Advocacy.Modules.Projects.Contracts;

namespace Advocacy.Modules.Projects.Activities;

/// <summary>How an activity came to be logged.</summary>
internal enum ActivitySource
{
    Manual,
    Import,

    /// <summary>Recorded from an event marked held (Events module).</summary>
    Event,

    /// <summary>Recorded from a coalition meeting attended for us (Coalitions module).</summary>
    CoalitionMeeting,

    /// <summary>Recorded from a joint statement we signed (Coalitions module).</summary>
    Statement,

    /// <summary>Recorded from a publication the organisation published (Reports module).</summary>
    Publication,
}

/// <summary>
/// One piece of advocacy work staff log: a meeting with policy makers, a training, a campaign.
/// Deleting marks it deleted; the row stays for the audit.
/// </summary>
internal sealed class Activity
{
    public const int TitleMaxLength = 300;
    public const int NotesMaxLength = 8000;
    public const int PlaceMaxLength = 300;
    public static readonly DateOnly EarliestDate = new(1990, 1, 1);

    public Guid Id { get; init; }

    public Guid ProjectId { get; init; }

    public ActivityType Type { get; set; }

    public DateOnly Date { get; set; }

    public required string Title { get; set; }

    public string? Notes { get; set; }

    public string? Place { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public string? Country { get; set; }

    public List<ActivityReach> Reach { get; set; } = [];

    /// <summary>Indicators of the same project this activity contributes to.</summary>
    public List<Guid> IndicatorIds { get; set; } = [];

    public Guid? EventId { get; set; }

    public Guid? CoalitionId { get; set; }

    public Guid? ReportId { get; set; }

    public ActivitySource Source { get; init; }

    /// <summary>
    /// For an activity recorded from another module's message: what it was recorded from, e.g.
    /// "event:{id}". Unique per project, so a redelivered or changed message finds the same activity.
    /// </summary>
    public string? SourceKey { get; init; }

    /// <summary>When the source's state that this activity reflects was current; older messages are ignored.</summary>
    public DateTimeOffset? SourceUpdatedAt { get; set; }

    public required string LoggedBy { get; init; }

    public required string LoggedByName { get; init; }

    public DateTimeOffset LoggedAt { get; init; }

    public string? UpdatedBy { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public string? DeletedBy { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public int TotalReach => Reach.Sum(r => r.Count);

    public ActivityDetails ToDetails() => new(
        Id, ProjectId, Type, Date, Title, Place, Country,
        Reach.Select(r => new ReachCount(r.Audience, r.Gender, r.Count)).ToList(),
        IndicatorIds.ToList(), EventId, CoalitionId, ReportId, LoggedBy);
}

/// <summary>People reached by an activity, for one audience and (where known) gender.</summary>
internal sealed class ActivityReach
{
    public Audience Audience { get; set; }

    public Gender? Gender { get; set; }

    public int Count { get; set; }
}
