using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Reports.Activities;
using Advocacy.Modules.Reports.Contracts;
using Advocacy.Modules.Reports.Dashboards;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.Indicators;
using Advocacy.Modules.Reports.Publications;

namespace Advocacy.Modules.Reports.DonorReports;

/// <summary>A project a donor report covers, as the read model knows it.</summary>
internal sealed record ReportProject(
    Guid ProjectId, string Code, string Name, ProjectLevel Level, ProjectStatus Status, DateOnly StartDate, DateOnly? EndDate,
    IReadOnlyList<string> Countries, IReadOnlyList<ReportOrganisation> Organisations, decimal? BudgetAmount, string? BudgetCurrency);

/// <summary>An organisation with a role on a project.</summary>
internal sealed record ReportOrganisation(string Name, OrganisationRole Role, string? Country);

/// <summary>Activities and people reached, for one activity type.</summary>
internal sealed record TypeFigures(ActivityType Type, int Activities, int Reach);

/// <summary>People reached of one audience and gender ("Unknown" when not split by gender).</summary>
internal sealed record ReachFigures(Audience Audience, string Gender, int People);

/// <summary>Activities and people reached in one country ("" when no country was given).</summary>
internal sealed record CountryFigures(string Country, int Activities, int Reach);

/// <summary>One project's participation in a held event: the activity Projects recorded for it.</summary>
internal sealed record EventRow(Guid EventId, Guid ActivityId, DateOnly Date, string ProjectCode, string Title, string? Place, string? Country, int Participants);

/// <summary>A publication published in the period by one of the report's projects.</summary>
internal sealed record PublicationRow(
    Guid PublicationId, string Title, PublicationType Type, DateOnly PublishedOn, IReadOnlyList<string> Languages, string? Link,
    int Recommendations, int RecommendationsImplemented);

/// <summary>An approved reporting period of one of the report's projects.</summary>
internal sealed record ApprovedCoverage(Guid ProjectId, DateOnly From, DateOnly To);

/// <summary>One activity, a row of the report's activity list.</summary>
internal sealed record ActivityRow(
    Guid ActivityId, DateOnly Date, string ProjectCode, ActivityType Type, string Title, string? Place, string? Country,
    int Children, int Professionals, int PolicyMakers, int GeneralPublic, int TotalReach);

/// <summary>
/// Everything a donor report shows except its activity list (which can hold a million rows and is
/// streamed from <see cref="DonorReportContent.Activities"/>): every figure comes from the read model.
/// </summary>
internal sealed record DonorReportContent(
    Guid ReportId,
    string Title,
    DateOnly From,
    DateOnly To,
    string? Donor,
    IReadOnlyList<ReportProject> Projects,
    IReadOnlyList<NarrativeSection> Narrative,
    TopLine Totals,
    IReadOnlyList<MonthFigures> Monthly,
    IReadOnlyList<TypeFigures> ActivitiesByType,
    IReadOnlyList<ReachFigures> Reach,
    IReadOnlyList<CountryFigures> ReachByCountry,
    IReadOnlyList<IndicatorFigures> Indicators,
    IReadOnlyList<EventRow> Events,
    IReadOnlyList<PublicationRow> Publications,
    DateTimeOffset GeneratedAt)
{
    public IReadOnlyList<Guid> ProjectIds => Projects.Select(p => p.ProjectId).ToList();

    /// <summary>The approved reporting periods of the report's projects that overlap its period.</summary>
    public IReadOnlyList<ApprovedCoverage> ApprovedPeriods { get; init; } = [];

    /// <summary>
    /// Whether every day of the report's period is in an approved (locked) reporting period of each of its
    /// projects: only then are its figures final.
    /// </summary>
    public bool FromApprovedPeriods { get; init; }

    /// <summary>Computes a report's content from the read model.</summary>
    public static async Task<DonorReportContent> ComputeAsync(
        ReportsDbContext db, DonorReport report, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ComputeAsync(db, report, await ScopeAsync(db, report, cancellationToken), now, cancellationToken);

    /// <summary>Computes a report's content for a scope the caller already has.</summary>
    public static async Task<DonorReportContent> ComputeAsync(
        ReportsDbContext db, DonorReport report, DonorReportScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var projects = scope.Projects;
        var projectIds = projects.Select(p => p.ProjectId).ToList();
        var codes = projects.ToDictionary(p => p.ProjectId, p => p.Code);
        var facts = scope.Facts(db);
        var months = await DashboardQueries.MonthTotalsAsync(DashboardQueries.AsMonthCells(facts), cancellationToken);

        var byType = await facts.GroupBy(f => f.Type)
            .Select(g => new TypeFigures(g.Key, g.Count(), g.Sum(f => f.TotalReach)))
            .ToListAsync(cancellationToken);
        var reach = await facts.SelectMany(f => f.Reach).GroupBy(r => new { r.Audience, r.Gender })
            .Select(g => new ReachFigures(g.Key.Audience, g.Key.Gender, g.Sum(r => r.Count)))
            .ToListAsync(cancellationToken);
        var byCountry = await facts.GroupBy(f => f.Country ?? "")
            .Select(g => new CountryFigures(g.Key, g.Count(), g.Sum(f => f.TotalReach)))
            .ToListAsync(cancellationToken);
        var events = await facts.Where(f => f.EventId != null).OrderBy(f => f.Date).ThenBy(f => f.ActivityId)
            .Select(f => new { EventId = f.EventId!.Value, f.ActivityId, f.Date, f.ProjectId, f.Title, f.Place, f.Country, f.TotalReach })
            .ToListAsync(cancellationToken);

        var approved = await db.ApprovedPeriods.AsNoTracking()
            .Where(p => p.Approved && projectIds.Contains(p.ProjectId) && p.From <= report.To && p.To >= report.From)
            .OrderBy(p => p.From)
            .Select(p => new ApprovedCoverage(p.ProjectId, p.From, p.To))
            .ToListAsync(cancellationToken);

        return new DonorReportContent(
            report.Id, report.Title, report.From, report.To, report.Donor, projects,
            report.Sections.ToList(),
            await DashboardQueries.TopLineAsync(months, facts, cancellationToken),
            DashboardQueries.Monthly(months),
            byType.OrderBy(t => t.Type).ToList(),
            reach.OrderBy(r => r.Audience).ThenBy(r => r.Gender, StringComparer.Ordinal).ToList(),
            byCountry.OrderBy(c => c.Country, StringComparer.Ordinal).ToList(),
            await IndicatorTable.ForProjectsAsync(db, projectIds, report.From, report.To, cancellationToken),
            events.Select(e => new EventRow(e.EventId, e.ActivityId, e.Date, codes[e.ProjectId], e.Title, e.Place, e.Country, e.TotalReach)).ToList(),
            await PublicationsAsync(db, projectIds, report.From, report.To, cancellationToken),
            now)
        {
            ApprovedPeriods = approved,
            FromApprovedPeriods = projectIds.Count > 0 && projectIds.All(id => Covers(approved.Where(p => p.ProjectId == id), report.From, report.To)),
        };
    }

    /// <summary>What a report covers (its projects and period), without computing its figures.</summary>
    public static async Task<DonorReportScope> ScopeAsync(ReportsDbContext db, DonorReport report, CancellationToken cancellationToken) =>
        new(await ProjectsInScopeAsync(db, report, cancellationToken), report.From, report.To);

    /// <summary>Whether the periods (sorted by start) leave no day of from–to uncovered.</summary>
    private static bool Covers(IEnumerable<ApprovedCoverage> periods, DateOnly from, DateOnly to)
    {
        var next = from;
        foreach (var period in periods)
        {
            if (period.From > next) return false;
            if (period.To >= next) next = period.To.AddDays(1);
            if (next > to) return true;
        }
        return false;
    }

    /// <summary>The report's one project, or every project with the donor among its organisations (names compared ignoring case).</summary>
    private static async Task<List<ReportProject>> ProjectsInScopeAsync(ReportsDbContext db, DonorReport report, CancellationToken cancellationToken)
    {
        var summaries = await db.ProjectSummaries.AsNoTracking()
            .Where(p => report.ProjectId == null || p.ProjectId == report.ProjectId)
            .OrderBy(p => p.Code)
            .ToListAsync(cancellationToken);
        return summaries
            .Where(p => report.Donor is null || p.Organisations.Any(o =>
                o.Role == OrganisationRole.Donor && string.Equals(o.Name.Trim(), report.Donor.Trim(), StringComparison.OrdinalIgnoreCase)))
            .Select(p => new ReportProject(
                p.ProjectId, p.Code, p.Name, p.Level, p.Status, p.StartDate, p.EndDate, p.Countries,
                p.Organisations.Select(o => new ReportOrganisation(o.Name, o.Role, o.Country)).ToList(), p.BudgetAmount, p.BudgetCurrency))
            .ToList();
    }

    private static async Task<List<PublicationRow>> PublicationsAsync(
        ReportsDbContext db, List<Guid> projectIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var publications = await db.Publications.AsNoTracking()
            .Where(p => p.Status == PublicationStatus.Published && p.PublishedOn >= from && p.PublishedOn <= to
                && p.ProjectIds.Any(id => projectIds.Contains(id)))
            .OrderBy(p => p.PublishedOn).ThenBy(p => p.Title)
            .Select(p => new
            {
                p.Id, p.Title, p.TitleTranslations, p.Type, p.PublishedOn, p.Languages, p.Link,
                Recommendations = db.Recommendations.Count(r => r.PublicationId == p.Id),
                Implemented = db.Recommendations.Count(r => r.PublicationId == p.Id && r.Status == RecommendationStatus.Implemented),
            })
            .ToListAsync(cancellationToken);
        return publications.Select(p => new PublicationRow(p.Id, Translations.Pick(p.Title, p.TitleTranslations), p.Type, p.PublishedOn!.Value, p.Languages, p.Link, p.Recommendations, p.Implemented)).ToList();
    }
}

/// <summary>What a donor report covers: its projects and its period (dates inclusive).</summary>
internal sealed record DonorReportScope(IReadOnlyList<ReportProject> Projects, DateOnly From, DateOnly To)
{
    /// <summary>The live activity facts of the report's projects in its period.</summary>
    public IQueryable<ActivityFact> Facts(ReportsDbContext db)
    {
        var projectIds = Projects.Select(p => p.ProjectId).ToList();
        return db.ActivityFacts.AsNoTracking().Where(f => !f.Deleted && projectIds.Contains(f.ProjectId) && f.Date >= From && f.Date <= To);
    }

    /// <summary>The activities as rows, oldest first; enumerate it to stream them (constant memory whatever the count).</summary>
    public IQueryable<ActivityRow> Activities(ReportsDbContext db)
    {
        var projectIds = Projects.Select(p => p.ProjectId).ToArray();
        // SQL of our own for one lateral sum per activity over its reach: EF made four filtered sums of four
        // lookups each, which cost a million-row export a third of its time. The projects are the scope's, which
        // the caller's project filter chose already.
        return db.Database.SqlQuery<ActivityRowData>($"""
                SELECT f.activity_id, f.date, p.code AS project_code, f.type, f.title, f.place, f.country,
                       coalesce(r.children, 0) AS children, coalesce(r.professionals, 0) AS professionals,
                       coalesce(r.policy_makers, 0) AS policy_makers, coalesce(r.general_public, 0) AS general_public, f.total_reach
                  FROM reports.activity_facts f
                  JOIN reports.project_summaries p ON p.project_id = f.project_id
                  LEFT JOIN LATERAL (
                       SELECT (sum(count) FILTER (WHERE audience = 'Children'))::int AS children,
                              (sum(count) FILTER (WHERE audience = 'Professionals'))::int AS professionals,
                              (sum(count) FILTER (WHERE audience = 'PolicyMakers'))::int AS policy_makers,
                              (sum(count) FILTER (WHERE audience = 'GeneralPublic'))::int AS general_public
                         FROM reports.reach_facts WHERE activity_id = f.activity_id) r ON true
                 WHERE NOT f.deleted AND f.project_id = ANY ({projectIds}) AND f.date >= {From} AND f.date <= {To}
                """)
            .OrderBy(r => r.Date).ThenBy(r => r.ActivityId)
            .Select(r => new ActivityRow(
                r.ActivityId, r.Date, r.ProjectCode, Enum.Parse<ActivityType>(r.Type), r.Title, r.Place, r.Country,
                r.Children, r.Professionals, r.PolicyMakers, r.GeneralPublic, r.TotalReach));
    }

    /// <summary>An activity row as the SQL above returns it (the type as stored).</summary>
    private sealed record ActivityRowData(
        Guid ActivityId, DateOnly Date, string ProjectCode, string Type, string Title, string? Place, string? Country,
        int Children, int Professionals, int PolicyMakers, int GeneralPublic, int TotalReach);
}
