namespace Advocacy.Modules.Projects.Contracts;

// Every message below carries the whole current state of one record (a stakeholder, an ask, an activity's
// outcome, a commitment) and the time it changed: a consumer keeps, per id, the state with the newest
// OccurredAt and ignores older or repeated ones. They are published through Projects' outbox in the same
// transaction as the change, so Reports' rebuild by replay receives them again.

/// <summary>A stakeholder as other records name it, as it was when that record last changed.</summary>
/// <param name="StakeholderId">The stakeholder's id.</param>
/// <param name="Name">Its name, e.g. "Council of Europe".</param>
/// <param name="Kind">What kind of institution or person it is.</param>
/// <param name="Level">National, regional, European or international.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of its country, when it has one.</param>
public sealed record StakeholderRef(Guid StakeholderId, string Name, StakeholderKind Kind, StakeholderLevel Level, string? Country);

/// <summary>The whole state of a stakeholder: an institution, or a person in a public role.</summary>
/// <param name="StakeholderId">The stakeholder's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">What kind of institution or person it is.</param>
/// <param name="Level">National, regional, European or international.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of its country, when it has one.</param>
/// <param name="ParentId">The institution it belongs to (a committee's parliament, a person's institution), if any.</param>
/// <param name="Function">A person's public function, e.g. "Member of Parliament"; null for an institution.</param>
/// <param name="Party">A person's political party, when public; null for an institution.</param>
public sealed record StakeholderDetails(
    Guid StakeholderId,
    string Name,
    StakeholderKind Kind,
    StakeholderLevel Level,
    string? Country,
    Guid? ParentId,
    string? Function,
    string? Party);

/// <summary>Published when a stakeholder is created or changed; carries its whole state (names in other messages are snapshots).</summary>
/// <param name="Stakeholder">The stakeholder as it now is.</param>
/// <param name="OccurredAt">When it changed.</param>
public sealed record StakeholderChanged(StakeholderDetails Stakeholder, DateTimeOffset OccurredAt);

/// <summary>The whole state of an ask: what a project asks of its targets, and where it stands.</summary>
/// <param name="AskId">The ask's id.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Text">What is asked, in the default language.</param>
/// <param name="TextTranslations">The text in other languages (en, fr, nl) by language code; may be empty.</param>
/// <param name="Targets">The stakeholders it is addressed to.</param>
/// <param name="Source">Whether it is the organisation's own, or comes from a recommendation or a statement.</param>
/// <param name="SourceId">The recommendation (Reports) or statement (Coalitions) it comes from, when recorded there; null for an own ask.</param>
/// <param name="SourceTitle">The title of the recommendation's publication, or of the statement, as it was when the ask was written; null for an own ask.</param>
/// <param name="Status">Open, partly met, met or dropped.</param>
/// <param name="StatusChangedOn">The day it reached its status (the day it was opened while it has never changed).</param>
/// <param name="OpenedOn">The day it was first made.</param>
/// <param name="ClosedOn">The day it was met or dropped; null while open or partly met.</param>
public sealed record AskDetails(
    Guid AskId,
    Guid ProjectId,
    string Text,
    IReadOnlyDictionary<string, string> TextTranslations,
    IReadOnlyList<StakeholderRef> Targets,
    AskSource Source,
    Guid? SourceId,
    string? SourceTitle,
    AskStatus Status,
    DateOnly StatusChangedOn,
    DateOnly OpenedOn,
    DateOnly? ClosedOn);

/// <summary>Published when an ask is created, edited or changes status; carries its whole state.</summary>
/// <param name="Ask">The ask as it now is.</param>
/// <param name="OccurredAt">When it changed.</param>
public sealed record AskChanged(AskDetails Ask, DateTimeOffset OccurredAt);

/// <summary>How one stakeholder addressed by an activity answered.</summary>
/// <param name="Stakeholder">The stakeholder addressed.</param>
/// <param name="Response">Supportive, neutral, opposed or no answer.</param>
public sealed record StakeholderResponseDetails(StakeholderRef Stakeholder, StakeholderResponse Response);

/// <summary>
/// What came of an advocacy activity: whom it addressed, how each answered, which asks it raised. Its
/// commitments travel in <see cref="CommitmentChanged"/>. The outcome belongs to its activity: while
/// <see cref="ActivityDeleted"/> is the activity's newest message, its outcome and commitments count for nothing.
/// </summary>
/// <param name="ActivityId">The activity (see <see cref="ActivityLogged"/>).</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="ActivityType">The activity's type when the outcome last changed (always an advocacy type then).</param>
/// <param name="ActivityDate">The activity's date when the outcome last changed; later edits of the activity come in <see cref="ActivityUpdated"/>.</param>
/// <param name="Responses">Each stakeholder addressed, with its answer.</param>
/// <param name="AskIds">The project's asks the activity raised.</param>
public sealed record ActivityOutcomeDetails(
    Guid ActivityId,
    Guid ProjectId,
    ActivityType ActivityType,
    DateOnly ActivityDate,
    IReadOnlyList<StakeholderResponseDetails> Responses,
    IReadOnlyList<Guid> AskIds);

/// <summary>Published when an activity's outcome is recorded or changed; carries the whole outcome.</summary>
/// <param name="Outcome">The outcome as it now is.</param>
/// <param name="OccurredAt">When it was recorded or changed.</param>
public sealed record ActivityOutcomeRecorded(ActivityOutcomeDetails Outcome, DateTimeOffset OccurredAt);

/// <summary>The whole state of a commitment a stakeholder made at an advocacy activity.</summary>
/// <param name="CommitmentId">The commitment's id.</param>
/// <param name="ProjectId">The project of the activity.</param>
/// <param name="ActivityId">The activity at which it was made.</param>
/// <param name="MadeOn">The day it was made: the activity's date when the commitment last changed.</param>
/// <param name="Text">What was promised.</param>
/// <param name="Stakeholder">Who promised it.</param>
/// <param name="AskId">The project's ask it answers, if any.</param>
/// <param name="DueDate">By when it is to be kept, when a date was given.</param>
/// <param name="Status">Made, in progress, fulfilled or broken.</param>
/// <param name="StatusChangedOn">The day it reached its status (<paramref name="MadeOn"/> while it has never changed).</param>
/// <param name="Evidence">What shows it was fulfilled or broken; null before.</param>
public sealed record CommitmentDetails(
    Guid CommitmentId,
    Guid ProjectId,
    Guid ActivityId,
    DateOnly MadeOn,
    string Text,
    StakeholderRef Stakeholder,
    Guid? AskId,
    DateOnly? DueDate,
    CommitmentStatus Status,
    DateOnly StatusChangedOn,
    string? Evidence);

/// <summary>
/// Published when a commitment is recorded, edited or changes status; carries its whole state. It is overdue
/// when its due date has passed and it is neither fulfilled nor broken: a consumer works that out on the day it asks.
/// </summary>
/// <param name="Commitment">The commitment as it now is.</param>
/// <param name="OccurredAt">When it changed.</param>
public sealed record CommitmentChanged(CommitmentDetails Commitment, DateTimeOffset OccurredAt);
