using System.Text.Json;
using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Activities;
using Advocacy.Modules.Projects.Data;

namespace Advocacy.Modules.Projects.ReportingPeriods;

/// <summary>An approved period that covers a day some write wanted to change.</summary>
internal sealed record LockedPeriod(Guid Id, Guid ProjectId, string ProjectCode, DateOnly From, DateOnly To, int ApprovalRound)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;

    public string Span => ReportingPeriod.Describe(From, To);

    public PeriodLockedException Exception() => new(
        $"The reporting period {Span} of {ProjectCode} is approved and locked; an admin can unlock it.", Id, From, To);
}

/// <summary>How an activity looks to its periods: its date and what it says; null for a deleted one.</summary>
internal sealed record ActivityMark(DateOnly Date, string Content);

/// <summary>
/// The lock of approved reporting periods (ADR 0011), in one place every writer calls:
/// <list type="bullet">
/// <item>a write through the API (log, edit, move, delete, import an activity; record or correct a
/// measurement) calls <see cref="EnsureUnlockedAsync"/> with every day it touches (an activity's date
/// before and after; a measurement's period end) and gets <see cref="PeriodLockedException"/> (409) when
/// one falls in an approved period;</item>
/// <item>a change from another module's message is applied (the source module is the authority on what
/// happened) and <see cref="NoteChangeAfterApprovalAsync"/> records it on the approved periods it touched.</item>
/// </list>
/// Both run inside the write's transaction and hold off any approval or unlock of the project's periods
/// until it commits, so a period cannot be approved between the check and the write.
/// </summary>
internal static class PeriodLocks
{
    /// <summary>The advisory lock that orders a project's writes (shared) against its period changes (exclusive).</summary>
    private static string Key(Guid projectId) => $"reporting-periods:{projectId}";

    /// <summary>
    /// Throws <see cref="PeriodLockedException"/> when any of <paramref name="dates"/> falls in an approved
    /// period of the project. Call it inside the write's transaction, before saving.
    /// </summary>
    public static async Task EnsureUnlockedAsync(
        this ProjectsDbContext db, Guid projectId, IEnumerable<DateOnly> dates, CancellationToken cancellationToken)
    {
        if ((await db.LockedPeriodsAsync(projectId, dates, cancellationToken)).FirstOrDefault() is { } locked)
        {
            throw locked.Exception();
        }
    }

    /// <summary>
    /// The approved periods of the project that cover any of <paramref name="dates"/>, by date. Call it inside
    /// the write's transaction: it holds off approvals and unlocks of the project's periods until that commits.
    /// </summary>
    public static async Task<IReadOnlyList<LockedPeriod>> LockedPeriodsAsync(
        this ProjectsDbContext db, Guid projectId, IEnumerable<DateOnly> dates, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Check the period lock inside the write's transaction, or an approval could slip in before it commits.");
        }
        await db.LockSharedForTransactionAsync(Key(projectId), cancellationToken);
        var days = dates.Distinct().ToList();
        if (days.Count == 0)
        {
            return [];
        }
        var (first, last) = (days.Min(), days.Max());
        var approved = await db.ReportingPeriods.AsNoTracking()
            .Where(p => p.ProjectId == projectId && p.Status == PeriodStatus.Approved && p.From <= last && p.To >= first)
            .Join(db.Projects, p => p.ProjectId, project => project.Id,
                (p, project) => new LockedPeriod(p.Id, p.ProjectId, project.Code, p.From, p.To, p.ApprovalRound))
            .OrderBy(p => p.From)
            .ToListAsync(cancellationToken);
        return approved.Where(p => days.Any(p.Contains)).ToList();
    }

    /// <summary>
    /// For changing a project's periods (create, approve, unlock, delete): waits until the project's writes under
    /// way have committed and keeps new ones waiting until this transaction ends.
    /// </summary>
    public static Task LockProjectPeriodsAsync(this ProjectsDbContext db, Guid projectId, CancellationToken cancellationToken) =>
        db.LockForTransactionAsync(Key(projectId), cancellationToken);

    /// <summary>The activity as its periods see it, before a change; null when it does not count (deleted).</summary>
    public static ActivityMark? Mark(Activity activity) =>
        activity.DeletedAt is not null
            ? null
            : new ActivityMark(activity.Date, JsonSerializer.Serialize(new { Details = activity.ToDetails(), activity.Notes }));

    /// <summary>
    /// For a change from another module's message, which no lock refuses: records it on each approved period
    /// of the project that covers the activity's day before or after the change. Nothing is recorded when the
    /// activity, as a period sees it, did not change.
    /// </summary>
    public static async Task NoteChangeAfterApprovalAsync(
        this ProjectsDbContext db, Activity activity, ActivityMark? before, string source, DateTimeOffset occurredAt,
        CancellationToken cancellationToken)
    {
        var after = Mark(activity);
        if (before == after)
        {
            return;
        }
        var days = new[] { before?.Date, after?.Date }.OfType<DateOnly>();
        foreach (var period in await db.LockedPeriodsAsync(activity.ProjectId, days, cancellationToken))
        {
            db.ReportingPeriodChanges.Add(new ReportingPeriodChange
            {
                Id = Guid.CreateVersion7(),
                PeriodId = period.Id,
                ApprovalRound = period.ApprovalRound,
                ActivityId = activity.Id,
                Kind = before is null ? PeriodChangeKind.Recorded : after is null ? PeriodChangeKind.Withdrawn : PeriodChangeKind.Updated,
                ActivityTitle = activity.Title,
                ActivityDate = activity.Date,
                Source = source,
                OccurredAt = occurredAt,
            });
        }
    }
}
