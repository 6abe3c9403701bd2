using System.Globalization;
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

    public PeriodLockedException Exception(string? why = null) => new(
        $"The reporting period {Span} of {ProjectCode} is approved and locked; an admin can unlock it.{(why is null ? "" : " " + why)}",
        Id, From, To);
}

/// <summary>How an activity looks to its periods: its date and what it says; null for a deleted one.</summary>
internal sealed record ActivityMark(DateOnly Date, string Content);

/// <summary>A value of a rule-based indicator (computed from the activity log) that belongs to an approved period.</summary>
internal sealed record ComputedFigure(
    Guid MeasurementId, Guid IndicatorId, string IndicatorCode, DateOnly Start, DateOnly End, decimal Value, LockedPeriod Period)
{
    public string Span => ReportingPeriod.Describe(Start, End);
}

/// <summary>
/// The lock of approved reporting periods (ADR 0011), in one place every writer calls:
/// <list type="bullet">
/// <item>a write through the API calls <see cref="EnsureUnlockedAsync"/> with every day it touches (an
/// activity's date before and after; a measurement's period end) and gets <see cref="PeriodLockedException"/>
/// (409) when one falls in an approved period; when the write recounts rule-based indicators, the returned
/// <see cref="PeriodLockCheck"/> also refuses it if a computed value of an approved period moved;</item>
/// <item>a change from another module's message is applied (the source module is the authority on what
/// happened): <see cref="WatchAsync"/> and <see cref="ChangesAfterApproval.NoteAsync"/> record it on the
/// approved periods it reached.</item>
/// </list>
/// All of it runs inside the write's transaction and holds off any approval or unlock of the project's
/// periods until that commits, so a period cannot be approved between the check and the write.
/// </summary>
internal static class PeriodLocks
{
    /// <summary>The advisory lock that orders a project's writes (shared) against its period changes (exclusive).</summary>
    private static string Key(Guid projectId) => $"reporting-periods:{projectId}";

    /// <summary>
    /// Throws <see cref="PeriodLockedException"/> when any of <paramref name="dates"/> falls in an approved
    /// period of the project. Call it inside the write's transaction, before saving (and, for a write that
    /// recounts rule-based indicators, before those are counted: it orders itself before their lock).
    /// </summary>
    public static async Task<PeriodLockCheck> EnsureUnlockedAsync(
        this ProjectsDbContext db, Guid projectId, IEnumerable<DateOnly> dates, CancellationToken cancellationToken)
    {
        await db.HoldOffPeriodChangesAsync([projectId], cancellationToken);
        var approved = await db.ApprovedPeriodsAsync(projectId, DateOnly.MinValue, DateOnly.MaxValue, cancellationToken);
        var days = dates.ToList();
        if (approved.FirstOrDefault(p => days.Any(p.Contains)) is { } locked)
        {
            throw locked.Exception();
        }
        // Without an approved period now there is none until this transaction ends (approvals wait on the lock
        // above), so no computed value of one can move: nothing to watch, two queries saved on most writes.
        return approved.Count == 0
            ? PeriodLockCheck.Nothing
            : new PeriodLockCheck(db, projectId, await ComputedFiguresAsync(db, [projectId], cancellationToken));
    }

    /// <summary>
    /// The approved periods of the project that cover any of <paramref name="dates"/>, by date. Call it inside
    /// the write's transaction: it holds off approvals and unlocks of the project's periods until that commits.
    /// </summary>
    public static async Task<IReadOnlyList<LockedPeriod>> LockedPeriodsAsync(
        this ProjectsDbContext db, Guid projectId, IEnumerable<DateOnly> dates, CancellationToken cancellationToken)
    {
        await db.HoldOffPeriodChangesAsync([projectId], cancellationToken);
        var days = dates.Distinct().ToList();
        if (days.Count == 0)
        {
            return [];
        }
        var approved = await db.ApprovedPeriodsAsync(projectId, days.Min(), days.Max(), cancellationToken);
        return approved.Where(p => days.Any(p.Contains)).ToList();
    }

    /// <summary>The project's approved periods that overlap <paramref name="first"/> to <paramref name="last"/>, by date.</summary>
    private static Task<List<LockedPeriod>> ApprovedPeriodsAsync(
        this ProjectsDbContext db, Guid projectId, DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
        db.ReportingPeriods.AsNoTracking()
            .Where(p => p.ProjectId == projectId && p.Status == PeriodStatus.Approved && p.From <= last && p.To >= first)
            .OrderBy(p => p.From)
            .Join(db.Projects, p => p.ProjectId, project => project.Id,
                (p, project) => new LockedPeriod(p.Id, p.ProjectId, project.Code, p.From, p.To, p.ApprovalRound))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// For a write that recounts rule-based indicators (an import, a rule defined or changed): notes the computed
    /// values of the project's approved periods, so <see cref="PeriodLockCheck.EnsureComputedUnchangedAsync"/>
    /// can refuse the write if one moved. Holds off approvals like <see cref="LockedPeriodsAsync"/>.
    /// </summary>
    public static async Task<PeriodLockCheck> WatchComputedAsync(this ProjectsDbContext db, Guid projectId, CancellationToken cancellationToken)
    {
        await db.HoldOffPeriodChangesAsync([projectId], cancellationToken);
        return new PeriodLockCheck(db, projectId, await ComputedFiguresAsync(db, [projectId], cancellationToken));
    }

    /// <summary>
    /// For changing a project's periods (create, approve, unlock, delete): waits until the project's writes under
    /// way have committed and keeps new ones waiting until this transaction ends.
    /// </summary>
    public static Task LockProjectPeriodsAsync(this ProjectsDbContext db, Guid projectId, CancellationToken cancellationToken) =>
        db.LockForTransactionAsync(Key(projectId), cancellationToken);

    /// <summary>
    /// For a change from another module's message, which no lock refuses: remembers the activities as they are
    /// and the computed values of the projects' approved periods, to record afterwards what the change did to
    /// those periods (<see cref="ChangesAfterApproval.NoteAsync"/>).
    /// </summary>
    public static async Task<ChangesAfterApproval> WatchAsync(
        this ProjectsDbContext db, IEnumerable<Guid> projectIds, IEnumerable<Activity> activities, CancellationToken cancellationToken)
    {
        var projects = projectIds.Distinct().Order().ToList();
        await db.HoldOffPeriodChangesAsync(projects, cancellationToken);
        return new ChangesAfterApproval(
            db, projects, activities.ToDictionary(a => a.Id, Mark), await ComputedFiguresAsync(db, projects, cancellationToken));
    }

    /// <summary>The activity as its periods see it; null when it does not count (deleted).</summary>
    public static ActivityMark? Mark(Activity activity) =>
        activity.DeletedAt is not null
            ? null
            : new ActivityMark(activity.Date, JsonSerializer.Serialize(new { Details = activity.ToDetails(), activity.Notes }));

    /// <summary>The computed values now in the projects' approved periods.</summary>
    public static async Task<List<ComputedFigure>> ComputedFiguresAsync(
        ProjectsDbContext db, IReadOnlyCollection<Guid> projectIds, CancellationToken cancellationToken)
    {
        var rows = await (
            from m in db.Measurements.AsNoTracking()
            where projectIds.Contains(m.ProjectId) && m.Computed
            join p in db.ReportingPeriods on m.ProjectId equals p.ProjectId
            where p.Status == PeriodStatus.Approved && m.PeriodEnd >= p.From && m.PeriodEnd <= p.To
            join i in db.Indicators on m.IndicatorId equals i.Id
            join project in db.Projects on m.ProjectId equals project.Id
            select new
            {
                m.Id, m.IndicatorId, IndicatorCode = i.Code, m.PeriodStart, m.PeriodEnd, m.Value,
                PeriodId = p.Id, p.ProjectId, ProjectCode = project.Code, p.From, p.To, p.ApprovalRound,
            }).ToListAsync(cancellationToken);
        return rows.Select(r => new ComputedFigure(r.Id, r.IndicatorId, r.IndicatorCode, r.PeriodStart, r.PeriodEnd, r.Value,
            new LockedPeriod(r.PeriodId, r.ProjectId, r.ProjectCode, r.From, r.To, r.ApprovalRound))).ToList();
    }

    /// <summary>The computed values that are new or different in <paramref name="after"/>.</summary>
    public static IEnumerable<(ComputedFigure After, decimal? Before)> Moved(IReadOnlyList<ComputedFigure> before, IReadOnlyList<ComputedFigure> after)
    {
        var was = before.ToDictionary(f => f.MeasurementId, f => f.Value);
        return after
            .Select(f => (After: f, Before: was.TryGetValue(f.MeasurementId, out var value) ? value : (decimal?)null))
            .Where(f => f.Before != f.After.Value);
    }

    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>The shared side of <see cref="LockProjectPeriodsAsync"/>, taken in project order; a write must be in a transaction.</summary>
    private static async Task HoldOffPeriodChangesAsync(this ProjectsDbContext db, IEnumerable<Guid> projectIds, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Check the period lock inside the write's transaction, or an approval could slip in before it commits.");
        }
        foreach (var projectId in projectIds.Order())
        {
            await db.LockSharedForTransactionAsync(Key(projectId), cancellationToken);
        }
    }
}

/// <summary>What a write through the API must still check once saved: that no computed value of an approved period moved.</summary>
internal sealed class PeriodLockCheck(ProjectsDbContext? db, Guid projectId, IReadOnlyList<ComputedFigure> before)
{
    /// <summary>For a project without approved periods: nothing to check.</summary>
    public static readonly PeriodLockCheck Nothing = new(null, Guid.Empty, []);

    /// <summary>
    /// After the write's save, before its commit: throws <see cref="PeriodLockedException"/> when the rule-based
    /// indicators it recounted changed a value that belongs to an approved period (an activity counted in an
    /// indicator period that ends in it, a rule defined or changed). The transaction then rolls back.
    /// </summary>
    public async Task EnsureComputedUnchangedAsync(CancellationToken cancellationToken)
    {
        if (db is null)
        {
            return;
        }
        var after = await PeriodLocks.ComputedFiguresAsync(db, [projectId], cancellationToken);
        if (PeriodLocks.Moved(before, after).FirstOrDefault() is ({ } moved, var was))
        {
            throw moved.Period.Exception(
                $"This change would make indicator {moved.IndicatorCode}'s value for {moved.Span}, which ends in it, "
                + $"{PeriodLocks.Number(moved.Value)} instead of {PeriodLocks.Number(was ?? 0)}.");
        }
    }
}

/// <summary>Records on approved periods what a change from another module's message did to them.</summary>
internal sealed class ChangesAfterApproval(
    ProjectsDbContext db, IReadOnlyList<Guid> projectIds, IReadOnlyDictionary<Guid, ActivityMark?> before, IReadOnlyList<ComputedFigure> figures)
{
    /// <summary>
    /// After the change is saved: for each of <paramref name="activities"/> that changed (added, edited, moved,
    /// withdrawn), a row on each approved period of its project covering its day before or after; for each
    /// computed value of an approved period that moved, a row saying by how much. Saves them.
    /// </summary>
    public async Task NoteAsync(IEnumerable<Activity> activities, string source, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        foreach (var activity in activities)
        {
            var was = before.GetValueOrDefault(activity.Id);
            var now = PeriodLocks.Mark(activity);
            if (was == now)
            {
                continue;
            }
            var days = new[] { was?.Date, now?.Date }.OfType<DateOnly>();
            foreach (var period in await db.LockedPeriodsAsync(activity.ProjectId, days, cancellationToken))
            {
                db.ReportingPeriodChanges.Add(new ReportingPeriodChange
                {
                    Id = Guid.CreateVersion7(), PeriodId = period.Id, ApprovalRound = period.ApprovalRound,
                    Kind = was is null ? PeriodChangeKind.Recorded : now is null ? PeriodChangeKind.Withdrawn : PeriodChangeKind.Updated,
                    ActivityId = activity.Id, Title = activity.Title, Date = activity.Date, Source = source, OccurredAt = occurredAt,
                });
            }
        }
        var after = await PeriodLocks.ComputedFiguresAsync(db, projectIds, cancellationToken);
        foreach (var (figure, was) in PeriodLocks.Moved(figures, after))
        {
            db.ReportingPeriodChanges.Add(new ReportingPeriodChange
            {
                Id = Guid.CreateVersion7(), PeriodId = figure.Period.Id, ApprovalRound = figure.Period.ApprovalRound,
                Kind = PeriodChangeKind.Recounted, IndicatorId = figure.IndicatorId,
                Title = $"Indicator {figure.IndicatorCode}, {figure.Span}: {PeriodLocks.Number(was ?? 0)} → {PeriodLocks.Number(figure.Value)}",
                Date = figure.End, Source = source, OccurredAt = occurredAt,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
