using Advocacy.Modules.Reports.Advocacy;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.Indicators;
using Advocacy.Modules.Reports.Publications;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.Dashboards;

internal sealed record ProjectDashboard(
    Guid ProjectId, string Code, string Name, DateOnly? From, DateOnly? To, TopLine TopLine, List<MonthFigures> Monthly,
    Dictionary<string, int> ActivitiesByType, Dictionary<string, int> ReachByAudience, List<IndicatorFigures> Indicators,
    RecommendationsSummary Recommendations, List<UpcomingEvent> UpcomingEvents,
    AdvocacyFigures Advocacy);

/// <summary>One page per project for managers: top-line figures, activity over time, reach, indicator progress, upcoming events.</summary>
internal sealed class GetProjectDashboardEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/reports/dashboards").WithTags("Reports")
            .MapGet("projects/{projectId:guid}", Handle)
            .WithName("GetProjectDashboard")
            .RequireAuthorization(Policies.Read)
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<ProjectDashboard>, ValidationProblem>> Handle(
        Guid projectId, ReportsDbContext db, TimeProvider clock, CancellationToken cancellationToken, DateOnly? from = null, DateOnly? to = null)
    {
        if (Paging.PeriodErrors(from, to) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        // About fifteen queries: on one connection, so each does not take one from the pool and reset it.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var project = await db.ProjectSummaries.AsNoTracking().SingleOrDefaultAsync(p => p.ProjectId == projectId, cancellationToken)
            ?? throw new NotFoundException("Project", projectId);
        var facts = DashboardQueries.Facts(db, projectId, from, to);
        var months = await DashboardQueries.MonthTotalsAsync(DashboardQueries.MonthCells(db, projectId, from, to), cancellationToken);
        var indicators = (await GetProjectIndicatorsEndpoint.Handle(projectId, db, cancellationToken, from, to)).Value!;
        return TypedResults.Ok(new ProjectDashboard(
            projectId, project.Code, project.Name, from, to,
            await DashboardQueries.TopLineAsync(months, facts, cancellationToken),
            DashboardQueries.Monthly(months),
            await DashboardQueries.ActivitiesByTypeAsync(DashboardQueries.TypeCells(db, projectId, from, to), cancellationToken),
            await DashboardQueries.ReachByAudienceAsync(DashboardQueries.ReachCells(db, projectId, from, to), cancellationToken),
            indicators,
            await DashboardQueries.RecommendationsAsync(db, projectId, cancellationToken),
            await DashboardQueries.UpcomingEventsAsync(db, projectId, clock.Today(), cancellationToken),
            await AdvocacyQueries.FiguresAsync(db, projectId, from, to, clock.Today(), cancellationToken)));
    }
}
