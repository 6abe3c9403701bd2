using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Activities;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;

namespace Advocacy.Modules.Projects.Results.Rules;

/// <summary>
/// Where the activity log changed: the project and day of each activity before and after a change. A
/// writer adds each activity it touches before changing it and again after, and hands the lot to
/// <see cref="RuleMeasurements.SaveActivityChangesAsync"/>.
/// </summary>
internal sealed class ActivityTouches
{
    private readonly HashSet<(Guid ProjectId, DateOnly Date)> _touched = [];

    public ActivityTouches Add(Activity activity) => Add(activity.ProjectId, activity.Date);

    public ActivityTouches Add(Guid projectId, DateOnly date)
    {
        _touched.Add((projectId, date));
        return this;
    }

    public IReadOnlyCollection<(Guid ProjectId, DateOnly Date)> All => _touched;
}

/// <summary>
/// Keeps the measurements of rule-based indicators equal to what their rules count in the activity log
/// (ADR 0012). Every writer of activities calls it in the transaction of its change, for the projects and
/// days it touched; only the periods containing those days are counted again. A period whose value changes
/// publishes <c>IndicatorMeasured</c> with the period's stable measurement id, also when it drops to 0, so
/// Reports' newest-wins copy stays equal to Projects' figure.
/// </summary>
internal static class RuleMeasurements
{
    /// <summary>
    /// Saves the activity changes, recounts the rule-based indicators of the touched periods and saves them
    /// too, in one transaction: the caller's if it has one open, else a new one committed here.
    /// </summary>
    public static async Task SaveActivityChangesAsync(
        this ProjectsDbContext db, ActivityTouches touched, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken);
        await RecountAsync(db, touched, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (owned is not null)
        {
            await owned.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Recounts, from the activities as saved so far in the open transaction, the periods of the touched days
    /// of every rule-based indicator of the touched projects. The caller saves.
    /// </summary>
    public static async Task RecountAsync(ProjectsDbContext db, ActivityTouches touched, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var project in touched.All.GroupBy(t => t.ProjectId).OrderBy(g => g.Key))
        {
            await LockProjectAsync(db, project.Key, cancellationToken);
            var indicators = await db.Indicators.AsNoTracking()
                .Where(i => i.ProjectId == project.Key && i.Rule != null).ToListAsync(cancellationToken);
            if (indicators.Count == 0)
            {
                continue;
            }
            var days = project.Select(t => t.Date).ToHashSet();
            if (indicators.Any(i => i.Rule!.Kind == IndicatorRuleKind.CommitmentsFulfilled))
            {
                // A commitment counts on the day it was fulfilled, not its activity's: an activity edited or deleted
                // moves the figures of those days too.
                var touchedDays = days.ToList();
                days.UnionWith(await (
                    from h in db.CommitmentStatusChanges
                    where h.To == CommitmentStatus.Fulfilled
                    join c in db.Commitments on h.CommitmentId equals c.Id
                    join a in db.Activities on c.ActivityId equals a.Id
                    where a.ProjectId == project.Key && touchedDays.Contains(a.Date)
                    select h.ChangedOn).ToListAsync(cancellationToken));
            }
            var periods = indicators.ToDictionary(i => i.Id, i => days.Select(i.Rule!.PeriodOf).ToHashSet());
            await RecountPeriodsAsync(db, project.Key, indicators, periods, now, cancellationToken);
        }
    }

    /// <summary>
    /// Counts every period of one indicator again: those with activities and those already measured (which
    /// drop to 0 when nothing counts any more). For a rule just defined or changed; the caller holds
    /// <see cref="LockProjectAsync"/> and saves.
    /// </summary>
    public static async Task RecountIndicatorAsync(ProjectsDbContext db, Indicator indicator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rule = indicator.Rule ?? throw new InvalidOperationException($"Indicator {indicator.Id} has no rule.");
        var days = await db.Activities.AsNoTracking()
            .Where(a => a.ProjectId == indicator.ProjectId && a.DeletedAt == null)
            .Select(a => a.Date).Distinct().ToListAsync(cancellationToken);
        days.AddRange(await db.CommitmentStatusChanges
            .Where(h => h.To == CommitmentStatus.Fulfilled)
            .Join(db.Commitments.Where(c => c.ProjectId == indicator.ProjectId), h => h.CommitmentId, c => c.Id, (h, _) => h.ChangedOn)
            .Distinct().ToListAsync(cancellationToken));
        var measured = await db.Measurements.AsNoTracking()
            .Where(m => m.IndicatorId == indicator.Id && m.Computed)
            .Select(m => new { m.PeriodStart, m.PeriodEnd }).ToListAsync(cancellationToken);
        var periods = days.Select(rule.PeriodOf).Concat(measured.Select(m => new RulePeriod(m.PeriodStart, m.PeriodEnd))).ToHashSet();
        await RecountPeriodsAsync(db, indicator.ProjectId, [indicator], new() { [indicator.Id] = periods }, now, cancellationToken);
    }

    /// <summary>
    /// Serialises the recounts of one project's rule-based indicators until the transaction ends: a recount
    /// that waited here reads every activity change committed before it, so two concurrent writers never
    /// both count without the other's activity.
    /// </summary>
    public static Task LockProjectAsync(ProjectsDbContext db, Guid projectId, CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null
            ? throw new InvalidOperationException("Recount rule-based indicators inside the transaction that changes the activities.")
            : db.LockForTransactionAsync($"indicator-rules:{projectId}", cancellationToken);

    private static async Task RecountPeriodsAsync(
        ProjectsDbContext db, Guid projectId, IReadOnlyList<Indicator> indicators, Dictionary<Guid, HashSet<RulePeriod>> periods,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var all = periods.Values.SelectMany(p => p).ToList();
        if (all.Count == 0)
        {
            return;
        }
        var (from, to) = (all.Min(p => p.Start), all.Max(p => p.End));
        var facts = await FactsAsync(db, projectId, indicators, from, to, cancellationToken);
        var indicatorIds = indicators.Select(i => i.Id).ToList();
        var rows = await db.Measurements
            .Where(m => indicatorIds.Contains(m.IndicatorId) && m.Computed && m.PeriodStart >= from && m.PeriodStart <= to)
            .ToListAsync(cancellationToken);

        foreach (var indicator in indicators)
        {
            foreach (var period in periods[indicator.Id].OrderBy(p => p.Start))
            {
                var (value, sources) = indicator.Rule!.Count(period, facts);
                var row = rows.SingleOrDefault(m => m.IndicatorId == indicator.Id && m.PeriodStart == period.Start && m.PeriodEnd == period.End);
                if (row is null)
                {
                    if (value == 0)
                    {
                        continue;
                    }
                    row = new Measurement
                    {
                        Id = Guid.CreateVersion7(), ProjectId = projectId, IndicatorId = indicator.Id, PeriodStart = period.Start,
                        PeriodEnd = period.End, Value = value, Computed = true, SourceActivityIds = sources,
                        RecordedBy = Measurement.RuleRecorder, RecordedAt = now,
                    };
                    db.Measurements.Add(row);
                    db.AddIntegrationEvent(row.ToEvent(indicator, row.RecordedAt));
                    continue;
                }
                if (!row.SourceActivityIds.SequenceEqual(sources))
                {
                    row.SourceActivityIds = sources;
                }
                if (row.Value != value)
                {
                    // The row stays at 0 rather than going: Reports keeps every measurement id it was told of.
                    row.Value = value;
                    row.RecordedAt = Later(row.RecordedAt, now);
                    db.AddIntegrationEvent(row.ToEvent(indicator, row.RecordedAt));
                }
            }
        }
    }

    /// <summary>
    /// What the rules count from <paramref name="first"/> to <paramref name="last"/>: the live activities; the kinds
    /// addressed by their outcomes and the commitments made at them or fulfilled then, when a rule needs them.
    /// </summary>
    private static async Task<RuleFacts> FactsAsync(
        ProjectsDbContext db, Guid projectId, IReadOnlyList<Indicator> indicators, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var activities = await db.Activities.AsNoTracking()
            .Where(a => a.ProjectId == projectId && a.DeletedAt == null && a.Date >= first && a.Date <= last)
            .OrderBy(a => a.Date).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var rules = indicators.Select(i => i.Rule!).ToList();
        var addressed = new List<(Guid ActivityId, StakeholderKind Kind)>();
        if (rules.Any(r => r.StakeholderKinds.Count > 0 && r.Kind is not (IndicatorRuleKind.CommitmentsMade or IndicatorRuleKind.CommitmentsFulfilled)))
        {
            var ids = activities.Select(a => a.Id).ToList();
            var outcomes = await db.ActivityOutcomes.AsNoTracking().Where(o => ids.Contains(o.ActivityId)).ToListAsync(cancellationToken);
            var stakeholderIds = outcomes.SelectMany(o => o.Stakeholders.Select(s => s.StakeholderId)).Distinct().ToList();
            var kinds = await db.Stakeholders.Where(s => stakeholderIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Kind, cancellationToken);
            addressed = outcomes.SelectMany(o => o.Stakeholders.Select(s => (o.ActivityId, kinds[s.StakeholderId]))).ToList();
        }
        var commitments = new List<CountedCommitment>();
        if (rules.Any(r => r.Kind is IndicatorRuleKind.CommitmentsMade or IndicatorRuleKind.CommitmentsFulfilled))
        {
            commitments = await (
                from c in db.Commitments
                join a in db.Activities on c.ActivityId equals a.Id
                where c.ProjectId == projectId && a.DeletedAt == null
                join s in db.Stakeholders on c.StakeholderId equals s.Id
                let fulfilledOn = c.History.Where(h => h.To == CommitmentStatus.Fulfilled).Select(h => (DateOnly?)h.ChangedOn).FirstOrDefault()
                where (a.Date >= first && a.Date <= last) || (fulfilledOn >= first && fulfilledOn <= last)
                orderby c.Id
                select new CountedCommitment(a.Id, a.Type, a.Date, s.Kind, fulfilledOn)).ToListAsync(cancellationToken);
        }
        return new RuleFacts(activities, addressed.ToLookup(x => x.ActivityId, x => x.Kind), commitments);
    }

    /// <summary>
    /// <paramref name="now"/>, or a microsecond after the last publication when the clock has not moved past
    /// it: Reports ignores a value of a measurement that is not newer than the one it holds.
    /// </summary>
    private static DateTimeOffset Later(DateTimeOffset previous, DateTimeOffset now) =>
        now > previous ? now : previous.AddTicks(TimeSpan.TicksPerMicrosecond);
}
