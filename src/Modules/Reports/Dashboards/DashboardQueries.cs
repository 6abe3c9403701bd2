using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Events.Contracts;
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

    public static async Task<TopLine> TopLineAsync(IQueryable<ActivityFact> facts, CancellationToken cancellationToken)
    {
        var totals = await facts.GroupBy(_ => 1).Select(g => new
        {
            Activities = g.Count(),
            Reach = g.Sum(f => f.TotalReach),
            Coalition = g.Count(f => f.CoalitionId != null),
        }).SingleOrDefaultAsync(cancellationToken);
        var eventsHeld = await facts.Where(f => f.EventId != null).Select(f => f.EventId).Distinct().CountAsync(cancellationToken);
        return new TopLine(totals?.Activities ?? 0, totals?.Reach ?? 0, eventsHeld, totals?.Coalition ?? 0);
    }

    /// <summary>Activities and reach per month, months without activity included between the first and the last.</summary>
    public static async Task<List<MonthFigures>> MonthlyAsync(IQueryable<ActivityFact> facts, CancellationToken cancellationToken)
    {
        var months = await facts.GroupBy(f => new { f.Date.Year, f.Date.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Activities = g.Count(), Reach = g.Sum(f => f.TotalReach) })
            .ToListAsync(cancellationToken);
        if (months.Count == 0)
        {
            return [];
        }
        var byMonth = months.ToDictionary(m => new DateOnly(m.Year, m.Month, 1));
        var series = new List<MonthFigures>();
        for (var month = byMonth.Keys.Min(); month <= byMonth.Keys.Max(); month = month.AddMonths(1))
        {
            series.Add(byMonth.TryGetValue(month, out var m)
                ? new MonthFigures($"{month:yyyy-MM}", m.Activities, m.Reach)
                : new MonthFigures($"{month:yyyy-MM}", 0, 0));
        }
        return series;
    }

    public static async Task<Dictionary<string, int>> ActivitiesByTypeAsync(IQueryable<ActivityFact> facts, CancellationToken cancellationToken) =>
        (await facts.GroupBy(f => f.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(t => Camel(t.Key.ToString()), t => t.Count);

    public static async Task<Dictionary<string, int>> ReachByAudienceAsync(IQueryable<ActivityFact> facts, CancellationToken cancellationToken) =>
        (await facts.SelectMany(f => f.Reach).GroupBy(r => r.Audience).Select(g => new { g.Key, Sum = g.Sum(r => r.Count) }).ToListAsync(cancellationToken))
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

/// <summary>A level's or a country's share of the organisation's work.</summary>
internal sealed record Breakdown(string Key, int Projects, int Activities, int Reach);
