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
        var facts = DashboardQueries.Facts(db, projectId: null, from, to);
        // Level comes from Reports' own project summaries; both tables are in Reports' schema.
        var byLevel = await facts.Join(db.ProjectSummaries, f => f.ProjectId, p => p.ProjectId, (f, p) => new { p.Level, f.ProjectId, f.TotalReach })
            .GroupBy(x => x.Level)
            .Select(g => new { g.Key, Projects = g.Select(x => x.ProjectId).Distinct().Count(), Activities = g.Count(), Reach = g.Sum(x => x.TotalReach) })
            .ToListAsync(cancellationToken);
        var byCountry = await facts.GroupBy(f => f.Country)
            .Select(g => new { g.Key, Projects = g.Select(f => f.ProjectId).Distinct().Count(), Activities = g.Count(), Reach = g.Sum(f => f.TotalReach) })
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(new OrganisationDashboard(
            from, to,
            await db.ProjectSummaries.CountAsync(cancellationToken),
            await DashboardQueries.TopLineAsync(facts, cancellationToken),
            await DashboardQueries.MonthlyAsync(facts, cancellationToken),
            await DashboardQueries.ActivitiesByTypeAsync(facts, cancellationToken),
            await DashboardQueries.ReachByAudienceAsync(facts, cancellationToken),
            byLevel.OrderBy(l => l.Key).Select(l => new Breakdown(DashboardQueries.Camel(l.Key.ToString()), l.Projects, l.Activities, l.Reach)).ToList(),
            byCountry.OrderByDescending(c => c.Activities).ThenBy(c => c.Key)
                .Select(c => new Breakdown(c.Key ?? "unknown", c.Projects, c.Activities, c.Reach)).ToList(),
            await DashboardQueries.RecommendationsAsync(db, projectId: null, cancellationToken),
            await DashboardQueries.UpcomingEventsAsync(db, projectId: null, clock.Today(), cancellationToken),
            await AdvocacyQueries.FiguresAsync(db, null, from, to, clock.Today(), cancellationToken)));
    }
}
