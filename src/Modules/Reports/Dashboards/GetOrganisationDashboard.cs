using Advocacy.Modules.Reports.Advocacy;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.Publications;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.Dashboards;

internal sealed record OrganisationDashboard(
    DateOnly? From, DateOnly? To, int Projects, TopLine TopLine, List<MonthFigures> Monthly,
    Dictionary<string, int> ActivitiesByType, Dictionary<string, int> ReachByAudience,
    List<Breakdown> ByLevel, List<Breakdown> ByCountry, RecommendationsSummary Recommendations, List<UpcomingEvent> UpcomingEvents,
    AdvocacyFigures Advocacy);

/// <summary>The organisation's page: its work over time, by project level and by country, and its upcoming events.</summary>
internal sealed class GetOrganisationDashboardEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/reports/dashboards").WithTags("Reports")
            .MapGet("organisation", Handle)
            .WithName("GetOrganisationDashboard")
            .RequireAuthorization(Policies.Read);

    internal static async Task<Results<Ok<OrganisationDashboard>, ValidationProblem>> Handle(
        ReportsDbContext db, TimeProvider clock, CancellationToken cancellationToken, DateOnly? from = null, DateOnly? to = null)
    {
        if (Paging.PeriodErrors(from, to) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        // About fifteen queries: on one connection, so each does not take one from the pool and reset it.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var facts = DashboardQueries.Facts(db, projectId: null, from, to);
        var months = await DashboardQueries.MonthTotalsAsync(DashboardQueries.MonthCells(db, projectId: null, from, to), cancellationToken);
        var projects = await DashboardQueries.ProjectCells(db, from, to).GroupBy(c => c.ProjectId)
            .Select(g => new { ProjectId = g.Key, Activities = g.Sum(c => c.Activities), Reach = g.Sum(c => c.Reach) })
            .ToListAsync(cancellationToken);
        // Level comes from Reports' own project summaries (one row per project).
        var levels = await db.ProjectSummaries.Select(p => new { p.ProjectId, p.Level })
            .ToDictionaryAsync(p => p.ProjectId, p => p.Level, cancellationToken);
        var byLevel = projects.Where(p => levels.ContainsKey(p.ProjectId)).GroupBy(p => levels[p.ProjectId]).OrderBy(g => g.Key)
            .Select(g => new Breakdown(DashboardQueries.Camel(g.Key.ToString()), g.Count(), g.Sum(p => p.Activities), g.Sum(p => p.Reach)))
            .ToList();
        // Per country and project (a few hundred rows), so the projects are counted here without a sort for DISTINCT.
        var byCountry = (await DashboardQueries.CountryCells(db, projectId: null, from, to).GroupBy(c => new { c.Country, c.ProjectId })
                .Select(g => new { g.Key.Country, Activities = g.Sum(c => c.Activities), Reach = g.Sum(c => c.Reach) })
                .ToListAsync(cancellationToken))
            .GroupBy(c => c.Country)
            .Select(g => new { g.Key, Projects = g.Count(), Activities = g.Sum(c => c.Activities), Reach = g.Sum(c => c.Reach) });

        return TypedResults.Ok(new OrganisationDashboard(
            from, to,
            levels.Count,
            await DashboardQueries.TopLineAsync(months, facts, cancellationToken),
            DashboardQueries.Monthly(months),
            await DashboardQueries.ActivitiesByTypeAsync(DashboardQueries.TypeCells(db, projectId: null, from, to), cancellationToken),
            await DashboardQueries.ReachByAudienceAsync(DashboardQueries.ReachCells(db, projectId: null, from, to), cancellationToken),
            byLevel,
            byCountry.OrderByDescending(c => c.Activities).ThenBy(c => c.Key)
                .Select(c => new Breakdown(c.Key == "" ? "unknown" : c.Key, c.Projects, c.Activities, c.Reach)).ToList(),
            await DashboardQueries.RecommendationsAsync(db, projectId: null, cancellationToken),
            await DashboardQueries.UpcomingEventsAsync(db, projectId: null, clock.Today(), cancellationToken),
            await AdvocacyQueries.FiguresAsync(db, null, from, to, clock.Today(), cancellationToken)));
    }
}
