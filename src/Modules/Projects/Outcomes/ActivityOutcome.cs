using Advocacy.Modules.Projects.Activities;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Stakeholders;
using StakeholderResponse = Advocacy.Modules.Projects.Contracts.StakeholderResponse;

namespace Advocacy.Modules.Projects.Outcomes;

/// <summary>
/// What came of an advocacy activity: the stakeholders it addressed with each one's response, and the asks of
/// the project it raised. One per activity, keyed by the activity; Projects' own data, so it may be recorded on
/// an activity that another module's message produced. Its commitments and follow-ups are rows of their own.
/// </summary>
internal sealed class ActivityOutcome
{
    public Guid ActivityId { get; init; }

    public Guid ProjectId { get; init; }

    /// <summary>Each stakeholder addressed, with how they answered; at least one, each once.</summary>
    public List<AddressedStakeholder> Stakeholders { get; set; } = [];

    /// <summary>The asks of the same project the activity raised.</summary>
    public List<Guid> AskIds { get; set; } = [];

    public required string RecordedBy { get; init; }

    public required string RecordedByName { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public string? UpdatedBy { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public ActivityOutcomeRecorded ToEvent(Activity activity, IReadOnlyDictionary<Guid, Stakeholder> stakeholders, DateTimeOffset occurredAt) => new(
        new ActivityOutcomeDetails(
            ActivityId, ProjectId, activity.Type, activity.Date,
            Stakeholders.Where(s => stakeholders.ContainsKey(s.StakeholderId))
                .Select(s => new StakeholderResponseDetails(stakeholders[s.StakeholderId].ToRef(), s.Response)).ToList(),
            AskIds.ToList()),
        occurredAt);
}

/// <summary>A stakeholder an activity addressed, and how they answered.</summary>
internal sealed class AddressedStakeholder
{
    public Guid StakeholderId { get; set; }

    public StakeholderResponse Response { get; set; }

    /// <summary>What they said, in a line; not passed on to other modules.</summary>
    public string? Note { get; set; }
}

/// <summary>
/// A promise a stakeholder made at an advocacy activity: what, by whom, by when. Made → in progress → fulfilled
/// or broken; each change is kept with its day, who recorded it and (to close it) its evidence.
/// </summary>
internal sealed class Commitment
{
    public Guid Id { get; init; }

    /// <summary>The activity (and its outcome) at which it was made; its date is the day it was made.</summary>
    public Guid ActivityId { get; init; }

    public Guid ProjectId { get; init; }

    public required string Text { get; set; }

    /// <summary>Who made it: one of the stakeholders the outcome addressed.</summary>
    public Guid StakeholderId { get; set; }

    /// <summary>The project's ask it answers, if any.</summary>
    public Guid? AskId { get; set; }

    /// <summary>By when it is to be kept, when a date was given; never before the activity.</summary>
    public DateOnly? DueDate { get; set; }

    public CommitmentStatus Status { get; set; }

    /// <summary>The evidence of its latest change (what shows it was fulfilled or broken).</summary>
    public string? Evidence { get; set; }

    /// <summary>Its status changes, oldest first; append-only.</summary>
    public List<CommitmentStatusChange> History { get; init; } = [];

    public required string CreatedBy { get; init; }

    public required string CreatedByName { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public static bool IsClosed(CommitmentStatus status) => status is CommitmentStatus.Fulfilled or CommitmentStatus.Broken;

    /// <summary>Statuses a commitment may move to from <paramref name="from"/>: only forward.</summary>
    public static bool CanMove(CommitmentStatus from, CommitmentStatus to) => (from, to) switch
    {
        (CommitmentStatus.Made, CommitmentStatus.InProgress or CommitmentStatus.Fulfilled or CommitmentStatus.Broken) => true,
        (CommitmentStatus.InProgress, CommitmentStatus.Fulfilled or CommitmentStatus.Broken) => true,
        _ => false,
    };

    /// <summary>The day it reached its status: its last change, or the day it was made.</summary>
    public DateOnly StatusChangedOn(DateOnly madeOn) => History.Count == 0 ? madeOn : History.Max(h => h.ChangedOn);

    public CommitmentChanged ToEvent(Activity activity, Stakeholder stakeholder, DateTimeOffset occurredAt) => new(
        new CommitmentDetails(
            Id, ProjectId, ActivityId, activity.Date, Text, stakeholder.ToRef(), AskId, DueDate, Status,
            StatusChangedOn(activity.Date), Evidence),
        occurredAt);
}

/// <summary>One change of a commitment's status, dated, with its evidence. Never edited or deleted.</summary>
internal sealed class CommitmentStatusChange
{
    public Guid Id { get; init; }

    public Guid CommitmentId { get; init; }

    public CommitmentStatus From { get; init; }

    public CommitmentStatus To { get; init; }

    /// <summary>The day it happened (not the day it was recorded).</summary>
    public DateOnly ChangedOn { get; init; }

    /// <summary>What shows it: required for fulfilled and broken (a vote, a published plan, a reply).</summary>
    public string? Evidence { get; init; }

    public required string ChangedBy { get; init; }

    public required string ChangedByName { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}

/// <summary>Something a colleague does after an advocacy activity, by a due date: send the report, ask for a reply.</summary>
internal sealed class FollowUp
{
    public Guid Id { get; init; }

    public Guid ActivityId { get; init; }

    public Guid ProjectId { get; init; }

    public required string Action { get; set; }

    /// <summary>Who does it: a user of the platform (host user id).</summary>
    public required string OwnerUserId { get; set; }

    /// <summary>Never before the activity.</summary>
    public DateOnly DueDate { get; set; }

    /// <summary>When it was done; null while it is open.</summary>
    public DateOnly? DoneOn { get; set; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Every edit sets it, so the row changes and a stale version is always caught.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }
}
