using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Stakeholders;

namespace Advocacy.Modules.Projects.Asks;

/// <summary>
/// What a project asks of its targets (stakeholders): a change of law, a plan of action, a budget line. It comes
/// from the organisation itself, a publication's recommendation or a coalition statement; its status changes
/// are kept, dated, with who recorded them. It is closed (<see cref="ClosedOn"/>) exactly when met or dropped.
/// </summary>
internal sealed class Ask
{
    public Guid Id { get; init; }

    public Guid ProjectId { get; init; }

    /// <summary>What is asked, in the default language.</summary>
    public required string Text { get; set; }

    /// <summary>The text in other languages (en, fr, nl), when staff gave them.</summary>
    public List<Translation> TextTranslations { get; set; } = [];

    /// <summary>The stakeholders it is addressed to; at least one.</summary>
    public List<Guid> TargetStakeholderIds { get; set; } = [];

    public AskSource Source { get; set; }

    /// <summary>
    /// The recommendation (Reports) or statement (Coalitions) it comes from, when it is recorded there. Projects
    /// cannot read those modules' tables, so the id is kept as given, with <see cref="SourceTitle"/> as a snapshot.
    /// </summary>
    public Guid? SourceId { get; set; }

    /// <summary>
    /// The title of the publication whose recommendation it is, or of the statement, when the ask was written; null
    /// for an own ask.
    /// </summary>
    public string? SourceTitle { get; set; }

    public DateOnly OpenedOn { get; set; }

    /// <summary>The day it was met or dropped; null while open or partly met.</summary>
    public DateOnly? ClosedOn { get; set; }

    public AskStatus Status { get; set; }

    /// <summary>Its status changes, oldest first; append-only.</summary>
    public List<AskStatusChange> History { get; init; } = [];

    public required string CreatedBy { get; init; }

    public required string CreatedByName { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    /// <summary>The day the ask reached its status: its last change, or the day it was opened.</summary>
    public DateOnly StatusChangedOn => History.Count == 0 ? OpenedOn : History.Max(h => h.ChangedOn);

    public static bool IsClosed(AskStatus status) => status is AskStatus.Met or AskStatus.Dropped;

    /// <summary>The ask's whole state for other modules, its targets named as they now are.</summary>
    public AskDetails ToDetails(IReadOnlyDictionary<Guid, Stakeholder> stakeholders) => new(
        Id, ProjectId, Text, Translations.ToMap(TextTranslations),
        TargetStakeholderIds.Where(stakeholders.ContainsKey).Select(id => stakeholders[id].ToRef()).ToList(),
        Source, SourceId, SourceTitle, Status, StatusChangedOn, OpenedOn, ClosedOn);
}

/// <summary>One change of an ask's status: when it happened, who recorded it, and a note. Never edited or deleted.</summary>
internal sealed class AskStatusChange
{
    public Guid Id { get; init; }

    public Guid AskId { get; init; }

    public AskStatus From { get; init; }

    public AskStatus To { get; init; }

    /// <summary>The day the change happened (not the day it was recorded).</summary>
    public DateOnly ChangedOn { get; init; }

    /// <summary>What happened: required when the ask is met (what met it) or dropped (why).</summary>
    public string? Note { get; init; }

    public required string ChangedBy { get; init; }

    public required string ChangedByName { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}
