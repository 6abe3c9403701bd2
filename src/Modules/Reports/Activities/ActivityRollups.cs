using Advocacy.BuildingBlocks.Data;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Reports.Data;

namespace Advocacy.Modules.Reports.Activities;

/// <summary>
/// Live activity facts summed per project and month, so a dashboard reads thousands of rows where the facts
/// are a million (ADR 0022). Changed with the fact, in the consumer's transaction, like the roll-ups by type,
/// country and audience below.
/// </summary>
[NotAudited]
internal sealed class MonthRollup
{
    public Guid ProjectId { get; init; }

    /// <summary>The month's first day.</summary>
    public DateOnly Month { get; init; }

    /// <summary>Live activities; 0 once the last one moved away or was deleted (the row stays).</summary>
    public int Activities { get; init; }

    public int Reach { get; init; }

    public int CoalitionActivities { get; init; }
}

/// <summary>Live activities summed per project, month and type (ADR 0022).</summary>
[NotAudited]
internal sealed class ActivityRollup
{
    public Guid ProjectId { get; init; }

    /// <summary>The month's first day.</summary>
    public DateOnly Month { get; init; }

    public ActivityType Type { get; init; }

    public int Activities { get; init; }
}

/// <summary>Live activities and their reach summed per project, month and country (ADR 0022).</summary>
[NotAudited]
internal sealed class CountryRollup
{
    public Guid ProjectId { get; init; }

    /// <summary>The month's first day.</summary>
    public DateOnly Month { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code, or "" for activities without one (a key column cannot be null).</summary>
    public string Country { get; init; } = "";

    public int Activities { get; init; }

    public int Reach { get; init; }
}

/// <summary>People reached by live activities, summed per project, month and audience (ADR 0022).</summary>
[NotAudited]
internal sealed class ReachRollup
{
    public Guid ProjectId { get; init; }

    /// <summary>The month's first day.</summary>
    public DateOnly Month { get; init; }

    public Audience Audience { get; init; }

    public int People { get; init; }
}

/// <summary>
/// Live activities summed per project over all time: what a dashboard with no period reads, a row per project
/// where the month roll-ups hold one per project and month (ADR 0023). The totals by type, country and audience
/// below do the same for their roll-ups.
/// </summary>
[NotAudited]
internal sealed class ProjectTotal
{
    public Guid ProjectId { get; init; }

    public int Activities { get; init; }

    public int Reach { get; init; }

    public int CoalitionActivities { get; init; }
}

/// <summary>Live activities summed per project and type, over all time (ADR 0023).</summary>
[NotAudited]
internal sealed class ActivityTotal
{
    public Guid ProjectId { get; init; }

    public ActivityType Type { get; init; }

    public int Activities { get; init; }
}

/// <summary>Live activities and their reach summed per project and country ("" when none), over all time (ADR 0023).</summary>
[NotAudited]
internal sealed class CountryTotal
{
    public Guid ProjectId { get; init; }

    public string Country { get; init; } = "";

    public int Activities { get; init; }

    public int Reach { get; init; }
}

/// <summary>People reached by live activities, summed per project and audience, over all time (ADR 0023).</summary>
[NotAudited]
internal sealed class ReachTotal
{
    public Guid ProjectId { get; init; }

    public Audience Audience { get; init; }

    public int People { get; init; }
}

internal static class ActivityRollups
{
    /// <summary>What one live fact adds to the roll-ups; null for a deleted fact or none.</summary>
    public sealed record Contribution(
        Guid ProjectId, DateOnly Month, ActivityType Type, string Country, int Reach, bool Coalition, (Audience Audience, int People)[] ReachByAudience);

    public static Contribution? Of(ActivityFact? fact) => fact is null || fact.Deleted
        ? null
        : new Contribution(
            fact.ProjectId, MonthOf(fact.Date), fact.Type, fact.Country ?? "", fact.TotalReach, fact.CoalitionId is not null,
            fact.Reach.GroupBy(r => r.Audience).Select(g => (g.Key, g.Sum(r => r.Count))).ToArray());

    public static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>
    /// Takes <paramref name="before"/> out of the roll-ups and puts <paramref name="after"/> in, in the caller's
    /// transaction, in one statement. Each table's rows go in key order, so two consumers moving facts between
    /// the same months lock the rows in the same order and cannot deadlock.
    /// </summary>
    public static async Task MoveAsync(ReportsDbContext db, Contribution? before, Contribution? after, CancellationToken cancellationToken)
    {
        var byMonth = new SortedDictionary<(Guid, DateOnly), (int Activities, int Reach, int Coalition)>();
        var byType = new SortedDictionary<(Guid, DateOnly, string), int>();
        var byCountry = new SortedDictionary<(Guid, DateOnly, string), (int Activities, int Reach)>();
        var byAudience = new SortedDictionary<(Guid, DateOnly, string), int>();
        void Add(Contribution? c, int sign)
        {
            if (c is null)
            {
                return;
            }
            var monthKey = (c.ProjectId, c.Month);
            var m = byMonth.GetValueOrDefault(monthKey);
            byMonth[monthKey] = (m.Activities + sign, m.Reach + sign * c.Reach, m.Coalition + (c.Coalition ? sign : 0));
            var typeKey = (c.ProjectId, c.Month, c.Type.ToString());
            byType[typeKey] = byType.GetValueOrDefault(typeKey) + sign;
            var countryKey = (c.ProjectId, c.Month, c.Country);
            var n = byCountry.GetValueOrDefault(countryKey);
            byCountry[countryKey] = (n.Activities + sign, n.Reach + sign * c.Reach);
            foreach (var (audience, people) in c.ReachByAudience)
            {
                var audienceKey = (c.ProjectId, c.Month, audience.ToString());
                byAudience[audienceKey] = byAudience.GetValueOrDefault(audienceKey) + sign * people;
            }
        }
        Add(before, -1);
        Add(after, +1);
        var months = byMonth.Where(r => r.Value != default).ToList();
        var types = byType.Where(r => r.Value != 0).ToList();
        var countries = byCountry.Where(r => r.Value != default).ToList();
        var audiences = byAudience.Where(r => r.Value != 0).ToList();
        if (months.Count + types.Count + countries.Count + audiences.Count == 0)
        {
            return;
        }
        // Empty arrays insert nothing; the eight upserts share one round trip.
        await db.Database.ExecuteSqlAsync($"""
            WITH by_month AS (
                INSERT INTO reports.month_rollups AS r (project_id, month, activities, reach, coalition_activities)
                SELECT * FROM unnest({months.Select(r => r.Key.Item1).ToArray()}, {months.Select(r => r.Key.Item2).ToArray()},
                                     {months.Select(r => r.Value.Activities).ToArray()}, {months.Select(r => r.Value.Reach).ToArray()},
                                     {months.Select(r => r.Value.Coalition).ToArray()})
                ON CONFLICT (project_id, month) DO UPDATE SET activities = r.activities + excluded.activities,
                    reach = r.reach + excluded.reach, coalition_activities = r.coalition_activities + excluded.coalition_activities),
            by_type AS (
                INSERT INTO reports.activity_rollups AS r (project_id, month, type, activities)
                SELECT * FROM unnest({types.Select(r => r.Key.Item1).ToArray()}, {types.Select(r => r.Key.Item2).ToArray()},
                                     {types.Select(r => r.Key.Item3).ToArray()}, {types.Select(r => r.Value).ToArray()})
                ON CONFLICT (project_id, month, type) DO UPDATE SET activities = r.activities + excluded.activities),
            by_country AS (
                INSERT INTO reports.country_rollups AS r (project_id, month, country, activities, reach)
                SELECT * FROM unnest({countries.Select(r => r.Key.Item1).ToArray()}, {countries.Select(r => r.Key.Item2).ToArray()},
                                     {countries.Select(r => r.Key.Item3).ToArray()}, {countries.Select(r => r.Value.Activities).ToArray()},
                                     {countries.Select(r => r.Value.Reach).ToArray()})
                ON CONFLICT (project_id, month, country) DO UPDATE SET activities = r.activities + excluded.activities, reach = r.reach + excluded.reach),
            by_audience AS (
                INSERT INTO reports.reach_rollups AS r (project_id, month, audience, people)
                SELECT * FROM unnest({audiences.Select(r => r.Key.Item1).ToArray()}, {audiences.Select(r => r.Key.Item2).ToArray()},
                                     {audiences.Select(r => r.Key.Item3).ToArray()}, {audiences.Select(r => r.Value).ToArray()})
                ON CONFLICT (project_id, month, audience) DO UPDATE SET people = r.people + excluded.people),
            -- The all-time totals: the same changes with the month left out; a move between months of one project nets out and locks nothing.
            project_total AS (
                INSERT INTO reports.project_totals AS r (project_id, activities, reach, coalition_activities)
                SELECT project_id, sum(activities), sum(reach), sum(coalition_activities)
                  FROM unnest({months.Select(r => r.Key.Item1).ToArray()}, {months.Select(r => r.Value.Activities).ToArray()},
                              {months.Select(r => r.Value.Reach).ToArray()}, {months.Select(r => r.Value.Coalition).ToArray()})
                       AS c (project_id, activities, reach, coalition_activities)
                 GROUP BY project_id HAVING sum(activities) <> 0 OR sum(reach) <> 0 OR sum(coalition_activities) <> 0 ORDER BY project_id
                ON CONFLICT (project_id) DO UPDATE SET activities = r.activities + excluded.activities,
                    reach = r.reach + excluded.reach, coalition_activities = r.coalition_activities + excluded.coalition_activities),
            type_total AS (
                INSERT INTO reports.activity_totals AS r (project_id, type, activities)
                SELECT project_id, type, sum(activities)
                  FROM unnest({types.Select(r => r.Key.Item1).ToArray()}, {types.Select(r => r.Key.Item3).ToArray()},
                              {types.Select(r => r.Value).ToArray()}) AS c (project_id, type, activities)
                 GROUP BY project_id, type HAVING sum(activities) <> 0 ORDER BY project_id, type
                ON CONFLICT (project_id, type) DO UPDATE SET activities = r.activities + excluded.activities),
            country_total AS (
                INSERT INTO reports.country_totals AS r (project_id, country, activities, reach)
                SELECT project_id, country, sum(activities), sum(reach)
                  FROM unnest({countries.Select(r => r.Key.Item1).ToArray()}, {countries.Select(r => r.Key.Item3).ToArray()},
                              {countries.Select(r => r.Value.Activities).ToArray()}, {countries.Select(r => r.Value.Reach).ToArray()})
                       AS c (project_id, country, activities, reach)
                 GROUP BY project_id, country HAVING sum(activities) <> 0 OR sum(reach) <> 0 ORDER BY project_id, country
                ON CONFLICT (project_id, country) DO UPDATE SET activities = r.activities + excluded.activities, reach = r.reach + excluded.reach)
            INSERT INTO reports.reach_totals AS r (project_id, audience, people)
            SELECT project_id, audience, sum(people)
              FROM unnest({audiences.Select(r => r.Key.Item1).ToArray()}, {audiences.Select(r => r.Key.Item3).ToArray()},
                          {audiences.Select(r => r.Value).ToArray()}) AS c (project_id, audience, people)
             GROUP BY project_id, audience HAVING sum(people) <> 0 ORDER BY project_id, audience
            ON CONFLICT (project_id, audience) DO UPDATE SET people = r.people + excluded.people
            """, cancellationToken);
    }
}
