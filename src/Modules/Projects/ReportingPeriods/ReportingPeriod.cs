using System.Globalization;
using Advocacy.BuildingBlocks.Http;

namespace Advocacy.Modules.Projects.ReportingPeriods;

/// <summary>Where a reporting period stands in its review (ADR 0011).</summary>
internal enum PeriodStatus
{
    /// <summary>Open: staff record its work. A period unlocked by an admin is a draft again.</summary>
    Draft,

    /// <summary>Staff say it is complete; a manager reviews it. Still open to writes.</summary>
    Submitted,

    /// <summary>A manager approved it: its activities and measurements are locked.</summary>
    Approved,

    /// <summary>A manager sent it back with a comment: open again, to be corrected and submitted.</summary>
    Returned,
}

/// <summary>
/// A stretch of a project's time (e.g. 2019-01-01 to 2019-06-30) that staff report on as a whole and
/// a manager approves. Periods of a project never overlap. While approved, the activities dated in it
/// and the measurements whose period ends in it cannot be changed through the API (see <see cref="PeriodLocks"/>).
/// </summary>
internal sealed class ReportingPeriod
{
    public const int CommentMaxLength = 2000;

    /// <summary>The longest period: a final report over a whole multi-year project.</summary>
    public const int MaxYears = 5;

    private static readonly Dictionary<PeriodStatus, PeriodStatus[]> Next = new()
    {
        [PeriodStatus.Draft] = [PeriodStatus.Submitted],
        [PeriodStatus.Returned] = [PeriodStatus.Submitted],
        [PeriodStatus.Submitted] = [PeriodStatus.Approved, PeriodStatus.Returned],
        [PeriodStatus.Approved] = [PeriodStatus.Draft],
    };

    public Guid Id { get; init; }

    public Guid ProjectId { get; init; }

    /// <summary>First day of the period.</summary>
    public DateOnly From { get; init; }

    /// <summary>Last day of the period (inclusive).</summary>
    public DateOnly To { get; init; }

    public PeriodStatus Status { get; private set; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the current approval was given; null unless <see cref="Status"/> is approved.</summary>
    public DateTimeOffset? ApprovedAt { get; private set; }

    public string? ApprovedBy { get; private set; }

    /// <summary>How many times the period has been approved; changes after approval belong to one round.</summary>
    public int ApprovalRound { get; private set; }

    /// <summary>Every status change, oldest first; a period's own record of who did what, and why.</summary>
    public List<ReportingPeriodEntry> History { get; init; } = [];

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public bool IsLocked => Status == PeriodStatus.Approved;

    /// <summary>Whether the day falls in the period.</summary>
    public bool Contains(DateOnly date) => date >= From && date <= To;

    /// <summary>"2019-01-01 – 2019-06-30", as messages to people name the period.</summary>
    public string Span => Describe(From, To);

    public static string Describe(DateOnly from, DateOnly to) =>
        $"{from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} – {to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static ReportingPeriod Create(Guid projectId, DateOnly from, DateOnly to, string userId, string userName, DateTimeOffset now)
    {
        var period = new ReportingPeriod
        {
            Id = Guid.CreateVersion7(), ProjectId = projectId, From = from, To = to, Status = PeriodStatus.Draft,
            CreatedBy = userId, CreatedAt = now, UpdatedAt = now,
        };
        period.Record(null, PeriodStatus.Draft, userId, userName, now, null);
        return period;
    }

    /// <summary>
    /// Moves the period to <paramref name="to"/> and records who, when and why in its history; a move the
    /// workflow does not allow from the current status is a <see cref="ConflictException"/> (409).
    /// </summary>
    public void MoveTo(PeriodStatus to, string userId, string userName, DateTimeOffset now, string? comment)
    {
        if (!Next[Status].Contains(to))
        {
            throw new ConflictException(
                $"The reporting period {Span} is {Name(Status)}; it cannot become {Name(to)}. "
                + $"From {Name(Status)} it can become: {string.Join(", ", Next[Status].Select(Name))}.");
        }
        var from = Status;
        Status = to;
        UpdatedAt = now;
        if (to == PeriodStatus.Approved)
        {
            ApprovedAt = now;
            ApprovedBy = userId;
            ApprovalRound++;
        }
        else
        {
            ApprovedAt = null;
            ApprovedBy = null;
        }
        Record(from, to, userId, userName, now, comment);
    }

    /// <summary>Whether the period has ever been approved (then it is kept, with its history, for good).</summary>
    public bool WasEverApproved => ApprovalRound > 0;

    private void Record(PeriodStatus? from, PeriodStatus to, string userId, string userName, DateTimeOffset now, string? comment) =>
        History.Add(new ReportingPeriodEntry
        {
            Id = Guid.CreateVersion7(), PeriodId = Id, At = now, By = userId, ByName = userName, FromStatus = from, ToStatus = to,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        });

    private static string Name(PeriodStatus status) => status.ToString().ToLowerInvariant();
}

/// <summary>One status change of a period: who, when, from what to what, and the comment or reason given.</summary>
internal sealed class ReportingPeriodEntry
{
    public Guid Id { get; init; }

    public Guid PeriodId { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>The user's id (host identity).</summary>
    public required string By { get; init; }

    /// <summary>The user's name (email) when it happened.</summary>
    public required string ByName { get; init; }

    /// <summary>Null for the period's creation.</summary>
    public PeriodStatus? FromStatus { get; init; }

    public PeriodStatus ToStatus { get; init; }

    /// <summary>A submitter's note, a manager's comment on a return, an admin's reason for unlocking.</summary>
    public string? Comment { get; init; }
}

/// <summary>What a change from another module did to an approved period.</summary>
internal enum PeriodChangeKind
{
    /// <summary>An activity dated in it was recorded.</summary>
    Recorded,

    /// <summary>An activity dated in it changed, or moved into or out of it.</summary>
    Updated,

    /// <summary>An activity dated in it was withdrawn.</summary>
    Withdrawn,

    /// <summary>A rule-based indicator's value that belongs to it was counted again and changed.</summary>
    Recounted,
}

/// <summary>
/// A change that reached an approved (locked) period anyway: an activity recorded, changed or withdrawn
/// from another module's message, which Projects applies because the source module is the authority on
/// what happened, and the rule-based values it moved. Kept so a manager sees that the approved figures
/// moved, and what moved them.
/// </summary>
internal sealed class ReportingPeriodChange
{
    public Guid Id { get; init; }

    public Guid PeriodId { get; init; }

    /// <summary>The period's <see cref="ReportingPeriod.ApprovalRound"/> when the change arrived.</summary>
    public int ApprovalRound { get; init; }

    public PeriodChangeKind Kind { get; init; }

    /// <summary>The activity recorded, changed or withdrawn.</summary>
    public Guid? ActivityId { get; init; }

    /// <summary>The rule-based indicator recounted.</summary>
    public Guid? IndicatorId { get; init; }

    /// <summary>The activity's title, or the indicator's value before and after ("Indicator 1.1, 2019-01-01 – 2019-06-30: 3 → 4").</summary>
    public required string Title { get; init; }

    /// <summary>The activity's date after the change (before it, for a withdrawal), or the last day of the recounted value's period.</summary>
    public DateOnly Date { get; init; }

    /// <summary>Where it came from, e.g. "event:{id}".</summary>
    public required string Source { get; init; }

    /// <summary>When the change happened at its source (the message's OccurredAt).</summary>
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>When Projects applied it (set by the database).</summary>
    public DateTimeOffset RecordedAt { get; init; }
}
