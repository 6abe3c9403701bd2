using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Reports.Dashboards;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.Activities;

/// <summary>A project's activity figures for a period, from Reports' own read model.</summary>
internal sealed record ProjectFigures(
    Guid ProjectId,
    DateOnly? From,
    DateOnly? To,
    int Activities,
    Dictionary<string, int> ActivitiesByType,
    int EventsHeld,
    int CoalitionActivities,
    int Reach,
    Dictionary<string, int> ReachByAudience,
    Dictionary<string, int> ReachByGender,
    Dictionary<string, int> ReachByCountry);

internal sealed class GetProjectFiguresEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/reports/projects").WithTags("Reports")
            .MapGet("{projectId:guid}/figures", Handle)
            .WithName("GetProjectFigures")
            .RequireAuthorization(Policies.Read)
            .WithSummary("Activities by type, events held, coalition work, and reach by audience, gender and country, for a project and period (dates inclusive).")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<ProjectFigures>, ValidationProblem>> Handle(
        Guid projectId, ReportsDbContext db, CancellationToken cancellationToken, DateOnly? from = null, DateOnly? to = null)
    {
        if (Paging.PeriodErrors(from, to) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (!await db.ProjectSummaries.AnyAsync(p => p.ProjectId == projectId, cancellationToken))
        {
            throw new NotFoundException("Project", projectId);
        }

        var facts = DashboardQueries.Facts(db, projectId, from, to);

        var months = await DashboardQueries.MonthTotalsAsync(DashboardQueries.AsMonthCells(facts), cancellationToken);
        var topLine = await DashboardQueries.TopLineAsync(months, facts, cancellationToken);
        var reach = facts.SelectMany(f => f.Reach, (f, r) => new { f.Country, r.Gender, r.Count });
        var byGender = await reach.GroupBy(r => r.Gender).Select(g => new { g.Key, Sum = g.Sum(r => r.Count) }).ToListAsync(cancellationToken);
        var byCountry = await reach.GroupBy(r => r.Country).Select(g => new { g.Key, Sum = g.Sum(r => r.Count) }).ToListAsync(cancellationToken);

        return TypedResults.Ok(new ProjectFigures(
            projectId, from, to,
            topLine.Activities,
            await DashboardQueries.ActivitiesByTypeAsync(DashboardQueries.AsTypeCells(facts), cancellationToken),
            topLine.EventsHeld,
            topLine.CoalitionActivities,
            topLine.Reach,
            await DashboardQueries.ReachByAudienceAsync(DashboardQueries.AsReachCells(facts), cancellationToken),
            byGender.ToDictionary(r => DashboardQueries.Camel(r.Key), r => r.Sum),
            byCountry.ToDictionary(r => r.Key ?? "unknown", r => r.Sum)));
    }
}
