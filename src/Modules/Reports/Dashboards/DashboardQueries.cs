using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Events.Contracts;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Reports.Activities;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.Publications;

namespace Advocacy.Modules.Reports.Dashboards;

/// <summary>Top-line figures of a dashboard.</summary>
internal sealed record TopLine(int Activities, int Reach, int EventsHeld, int CoalitionActivities);

/// <summary>One month of a time series ("2015-09").</summary>
internal sealed record MonthFigures(string Month, int Activities, int Reach);

/// <summary>A recommendation still awaiting implementation (open, acknowledged or in progress).</summary>
internal sealed record OpenRecommendation(
    Guid Id, Guid PublicationId, string PublicationTitle, DateOnly? PublishedOn, string Text, string AddressedTo, string Status);

/// <summary>Recommendations of published publications: how many by status, and the latest still open.</summary>
internal sealed record RecommendationsSummary(Dictionary<string, int> ByStatus, List<OpenRecommendation> Open);

/// <summary>A planned event that has not ended yet; <see cref="Kind"/> is camelCase ("training", "awarenessDay").</summary>
internal sealed record UpcomingEvent(
    Guid EventId, string Title, string Kind, DateOnly StartsOn, DateOnly EndsOn, string? Place, string? Country, bool Online);

/// <summary>The aggregates dashboards share, over Reports' activity facts and its own publications.</summary>
internal static class DashboardQueries
{
    /// <summary>Live (not deleted) activity facts, optionally of one project, in a period (dates inclusive).</summary>
    public static IQueryable<ActivityFact> Facts(ReportsDbContext db, Guid? projectId, DateOnly? from, DateOnly? to)
    {
        var facts = db.ActivityFacts.AsNoTracking().Where(f => !f.Deleted);
        if (projectId is not null) facts = facts.Where(f => f.ProjectId == projectId);
        if (from is not null) facts = facts.Where(f => f.Date >= from);
        if (to is not null) facts = facts.Where(f => f.Date <= to);
        return facts;
    }

    /// <summary>
    /// A dashboard's activities, reach and coalition work in a period, as rows to sum: the roll-ups of its whole
    /// months, and the facts of the days before the first whole month and after the last (ADR 0022). Roll-up rows
    /// emptied by deletions are left out. The other cells below split the same way.
    /// </summary>
    public static IQueryable<MonthCell> MonthCells(ReportsDbContext db, Guid? projectId, DateOnly? from, DateOnly? to)
    {
        var (first, end) = WholeMonths(from, to);
        var rollups = db.MonthRollups.AsNoTracking().Where(r => r.Activities != 0 && r.Month >= first && r.Month < end);
        if (projectId is not null) rollups = rollups.Where(r => r.ProjectId == projectId);
        return rollups
            .Select(r => new MonthCell
            {
                ProjectId = r.ProjectId, Month = r.Month, Activities = r.Activities, Reach = r.Reach, CoalitionActivities = r.CoalitionActivities,
            })
            .Concat(AsMonthCells(EdgeFacts(db, projectId, from, to)));
    }

    /// <summary>
    /// Each project's activities and reach in a period, as rows to sum: its all-time total when the period has no
    /// bounds (ADR 0023), the month cells otherwise.
    /// </summary>
    public static IQueryable<ProjectCell> ProjectCells(ReportsDbContext db, DateOnly? from, DateOnly? to) => AllTime(from, to)
        ? db.ProjectTotals.AsNoTracking().Where(t => t.Activities != 0)
            .Select(t => new ProjectCell { ProjectId = t.ProjectId, Activities = t.Activities, Reach = t.Reach })
        : MonthCells(db, projectId: null, from, to).Select(c => new ProjectCell { ProjectId = c.ProjectId, Activities = c.Activities, Reach = c.Reach });

    /// <summary>Activities in a period by type, as rows to sum: totals for all time, roll-ups for whole months, facts at the edges.</summary>
    public static IQueryable<TypeCell> TypeCells(ReportsDbContext db, Guid? projectId, DateOnly? from, DateOnly? to)
    {
        if (AllTime(from, to))
        {
            var totals = db.ActivityTotals.AsNoTracking().Where(t => t.Activities != 0);
            if (projectId is not null) totals = totals.Where(t => t.ProjectId == projectId);
            return totals.Select(t => new TypeCell { Type = t.Type, Activities = t.Activities });
        }
        var (first, end) = WholeMonths(from, to);
        var rollups = db.ActivityRollups.AsNoTracking().Where(r => r.Activities != 0 && r.Month >= first && r.Month < end);
        if (projectId is not null) rollups = rollups.Where(r => r.ProjectId == projectId);
        return rollups.Select(r => new TypeCell { Type = r.Type, Activities = r.Activities })
            .Concat(AsTypeCells(EdgeFacts(db, projectId, from, to)));
    }

    /// <summary>Activities and reach in a period by country, as rows to sum: totals for all time, roll-ups for whole months, facts at the edges.</summary>
    public static IQueryable<CountryCell> CountryCells(ReportsDbContext db, Guid? projectId, DateOnly? from, DateOnly? to)
    {
        if (AllTime(from, to))
        {
            var totals = db.CountryTotals.AsNoTracking().Where(t => t.Activities != 0);
            if (projectId is not null) totals = totals.Where(t => t.ProjectId == projectId);
            return totals.Select(t => new CountryCell { ProjectId = t.ProjectId, Country = t.Country, Activities = t.Activities, Reach = t.Reach });
        }
        var (first, end) = WholeMonths(from, to);
        var rollups = db.CountryRollups.AsNoTracking().Where(r => r.Activities != 0 && r.Month >= first && r.Month < end);
        if (projectId is not null) rollups = rollups.Where(r => r.ProjectId == projectId);
        return rollups.Select(r => new CountryCell { ProjectId = r.ProjectId, Country = r.Country, Activities = r.Activities, Reach = r.Reach })
            .Concat(EdgeFacts(db, projectId, from, to)
                .Select(f => new CountryCell { ProjectId = f.ProjectId, Country = f.Country ?? "", Activities = 1, Reach = f.TotalReach }));
    }

    /// <summary>People reached in a period by audience, as rows to sum: totals for all time, roll-ups for whole months, facts at the edges.</summary>
    public static IQueryable<AudienceCell> ReachCells(ReportsDbContext db, Guid? projectId, DateOnly? from, DateOnly? to)
    {
        if (AllTime(from, to))
        {
            var totals = db.ReachTotals.AsNoTracking().Where(t => t.People != 0);
            if (projectId is not null) totals = totals.Where(t => t.ProjectId == projectId);
            return totals.Select(t => new AudienceCell { Audience = t.Audience, People = t.People });
        }
        var (first, end) = WholeMonths(from, to);
        var rollups = db.ReachRollups.AsNoTracking().Where(r => r.People != 0 && r.Month >= first && r.Month < end);
        if (projectId is not null) rollups = rollups.Where(r => r.ProjectId == projectId);
        return rollups.Select(r => new AudienceCell { Audience = r.Audience, People = r.People })
            .Concat(AsReachCells(EdgeFacts(db, projectId, from, to)));
    }

    /// <summary>Facts as cells of one activity each, for figures that read the facts themselves (donor reports, links).</summary>
    public static IQueryable<MonthCell> AsMonthCells(IQueryable<ActivityFact> facts) => facts.Select(f => new MonthCell
    {
        ProjectId = f.ProjectId, Month = f.Date.AddDays(1 - f.Date.Day),
        Activities = 1, Reach = f.TotalReach, CoalitionActivities = f.CoalitionId != null ? 1 : 0,
    });

    /// <summary>The facts' types as cells.</summary>
    public static IQueryable<TypeCell> AsTypeCells(IQueryable<ActivityFact> facts) => facts.Select(f => new TypeCell { Type = f.Type, Activities = 1 });

    /// <summary>The facts' reach as cells.</summary>
    public static IQueryable<AudienceCell> AsReachCells(IQueryable<ActivityFact> facts) =>
        facts.SelectMany(f => f.Reach).Where(r => r.Count != 0).Select(r => new AudienceCell { Audience = r.Audience, People = r.Count });

    /// <summary>
    /// The whole months of a period: from the first day of <c>First</c> up to, not including, <c>End</c>; open bounds
    /// reach the first and last dates there are. When the period lies within one month, <c>End</c> ≤ <c>First</c>.
    /// </summary>
    public static (DateOnly First, DateOnly End) WholeMonths(DateOnly? from, DateOnly? to)
    {
        var first = from is not { } f ? DateOnly.MinValue : f.Day == 1 ? f : ActivityRollups.MonthOf(f).AddMonths(1);
        var end = to is not { } t || t == DateOnly.MaxValue ? DateOnly.MaxValue
            : t.AddDays(1).Day == 1 ? t.AddDays(1) : ActivityRollups.MonthOf(t);
        return (first, end);
    }

    /// <summary>Whether a period has no bounds, so the all-time totals answer for it.</summary>
    public static bool AllTime(DateOnly? from, DateOnly? to) => WholeMonths(from, to) == (DateOnly.MinValue, DateOnly.MaxValue);

    /// <summary>The period's facts outside its whole months (all of them when it has none).</summary>
    private static IQueryable<ActivityFact> EdgeFacts(ReportsDbContext db, Guid? projectId, DateOnly? from, DateOnly? to)
    {
        var (first, end) = WholeMonths(from, to);
        return Facts(db, projectId, from, to).Where(f => f.Date < first || f.Date >= end);
    }

    /// <summary>The cells summed per month: few enough rows to add up further here rather than in several scans.</summary>
    public static Task<List<MonthTotals>> MonthTotalsAsync(IQueryable<MonthCell> cells, CancellationToken cancellationToken) =>
        cells.GroupBy(c => c.Month)
            .Select(g => new MonthTotals(g.Key, g.Sum(c => c.Activities), g.Sum(c => c.Reach), g.Sum(c => c.CoalitionActivities)))
            .ToListAsync(cancellationToken);

    public static async Task<TopLine> TopLineAsync(List<MonthTotals> months, IQueryable<ActivityFact> facts, CancellationToken cancellationToken)
    {
        // A distinct count does not add up across months: counted over the facts of events, which are few.
        var eventsHeld = await facts.Where(f => f.EventId != null).Select(f => f.EventId).Distinct().CountAsync(cancellationToken);
        return new TopLine(months.Sum(m => m.Activities), months.Sum(m => m.Reach), eventsHeld, months.Sum(m => m.CoalitionActivities));
    }

    /// <summary>Activities and reach per month, months without activity included between the first and the last.</summary>
    public static List<MonthFigures> Monthly(List<MonthTotals> months)
    {
        var byMonth = months.ToDictionary(m => m.Month, m => (m.Activities, m.Reach));
        var series = new List<MonthFigures>();
        if (byMonth.Count == 0)
        {
            return series;
        }
        for (var month = byMonth.Keys.Min(); month <= byMonth.Keys.Max(); month = month.AddMonths(1))
        {
            var (activities, reach) = byMonth.GetValueOrDefault(month);
            series.Add(new MonthFigures($"{month:yyyy-MM}", activities, reach));
        }
        return series;
    }

    public static async Task<Dictionary<string, int>> ActivitiesByTypeAsync(IQueryable<TypeCell> cells, CancellationToken cancellationToken) =>
        (await cells.GroupBy(c => c.Type).Select(g => new { g.Key, Count = g.Sum(c => c.Activities) }).ToListAsync(cancellationToken))
            .ToDictionary(t => Camel(t.Key.ToString()), t => t.Count);

    public static async Task<Dictionary<string, int>> ReachByAudienceAsync(IQueryable<AudienceCell> cells, CancellationToken cancellationToken) =>
        (await cells.GroupBy(r => r.Audience).Select(g => new { g.Key, Sum = g.Sum(r => r.People) }).ToListAsync(cancellationToken))
            .ToDictionary(r => Camel(r.Key.ToString()), r => r.Sum);

    /// <summary>The recommendations of published publications, of one project's when given (its linked publications).</summary>
    public static async Task<RecommendationsSummary> RecommendationsAsync(ReportsDbContext db, Guid? projectId, CancellationToken cancellationToken)
    {
        var publications = db.Publications.AsNoTracking().Where(p => p.Status == PublicationStatus.Published);
        if (projectId is not null) publications = publications.Where(p => p.ProjectIds.Contains(projectId.Value));
        var recommendations = db.Recommendations.AsNoTracking()
            .Join(publications, r => r.PublicationId, p => p.Id, (r, p) => new { Recommendation = r, Publication = p });
        var byStatus = await recommendations.GroupBy(x => x.Recommendation.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var open = await recommendations
            .Where(x => x.Recommendation.Status != RecommendationStatus.Implemented && x.Recommendation.Status != RecommendationStatus.Rejected)
            .OrderByDescending(x => x.Publication.PublishedOn).ThenBy(x => x.Recommendation.CreatedAt)
            .Take(OpenShown)
            .Select(x => new { x.Recommendation.Id, x.Publication, x.Recommendation.Text, x.Recommendation.AddressedTo, x.Recommendation.Status })
            .ToListAsync(cancellationToken);
        return new RecommendationsSummary(
            byStatus.ToDictionary(s => Camel(s.Key.ToString()), s => s.Count),
            open.Select(r => new OpenRecommendation(r.Id, r.Publication.Id, Translations.Pick(r.Publication.Title, r.Publication.TitleTranslations), r.Publication.PublishedOn, r.Text,
                Camel(r.AddressedTo.ToString()), Camel(r.Status.ToString()))).ToList());
    }

    /// <summary>How many open recommendations a dashboard lists; the rest are a click away (GET /api/recommendations).</summary>
    public const int OpenShown = 10;

    /// <summary>
    /// Planned events, of one project's when given, whose last day is <paramref name="today"/> or later (an event under
    /// way is still listed), soonest first, at most <see cref="UpcomingShown"/>. Not limited by the dashboard's period:
    /// "upcoming" is relative to today.
    /// </summary>
    public static async Task<List<UpcomingEvent>> UpcomingEventsAsync(
        ReportsDbContext db, Guid? projectId, DateOnly today, CancellationToken cancellationToken)
    {
        var events = db.EventFacts.AsNoTracking().Where(f => f.Status == ScheduledEventStatus.Planned && f.EndsOn >= today);
        // uuid[] containment, translated by Npgsql.
        if (projectId is not null) events = events.Where(f => f.ProjectIds.Contains(projectId.Value));
        var upcoming = await events
            .OrderBy(f => f.StartsOn).ThenBy(f => f.EndsOn).ThenBy(f => f.EventId)
            .Take(UpcomingShown)
            .Select(f => new { f.EventId, f.Title, f.Kind, f.StartsOn, f.EndsOn, f.Place, f.Country, f.Online })
            .ToListAsync(cancellationToken);
        return upcoming.Select(f => new UpcomingEvent(f.EventId, f.Title, Camel(f.Kind.ToString()), f.StartsOn, f.EndsOn, f.Place, f.Country, f.Online))
            .ToList();
    }

    /// <summary>How many upcoming events a dashboard lists; the rest are in GET /api/events?status=planned.</summary>
    public const int UpcomingShown = 10;

    public static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

}

/// <summary>Activities, reach and coalition work in one month (the month's first day).</summary>
internal sealed record MonthTotals(DateOnly Month, int Activities, int Reach, int CoalitionActivities);

/// <summary>Activity figures to sum: a roll-up row (a project's month) or one fact.</summary>
internal sealed class MonthCell
{
    public Guid ProjectId { get; init; }

    /// <summary>The month's first day.</summary>
    public DateOnly Month { get; init; }

    public int Activities { get; init; }

    public int Reach { get; init; }

    public int CoalitionActivities { get; init; }
}

/// <summary>A project's activities and reach, to sum: its total, a roll-up row or one fact.</summary>
internal sealed class ProjectCell
{
    public Guid ProjectId { get; init; }

    public int Activities { get; init; }

    public int Reach { get; init; }
}

/// <summary>Activities of one type, to sum: a total, a roll-up row or one fact.</summary>
internal sealed class TypeCell
{
    public ActivityType Type { get; init; }

    public int Activities { get; init; }
}

/// <summary>Activities and reach in one country ("" when unknown), to sum: a roll-up row or one fact.</summary>
internal sealed class CountryCell
{
    public Guid ProjectId { get; init; }

    public string Country { get; init; } = "";

    public int Activities { get; init; }

    public int Reach { get; init; }
}

/// <summary>People reached in one audience, to sum: a roll-up row or one fact's reach.</summary>
internal sealed class AudienceCell
{
    public Audience Audience { get; init; }

    public int People { get; init; }
}

/// <summary>A level's or a country's share of the organisation's work.</summary>
internal sealed record Breakdown(string Key, int Projects, int Activities, int Reach);
