using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.Indicators;

/// <summary>An indicator's baseline, target, actual and progress, from Reports' read model.</summary>
internal sealed record IndicatorFigures(
    Guid IndicatorId, Guid ProjectId, string? Code, string Name, string Unit, IndicatorDirection Direction, IndicatorAggregation Aggregation,
    decimal Baseline, decimal Target, decimal? Actual, decimal? Progress);

internal sealed class GetProjectIndicatorsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/reports/projects").WithTags("Reports")
            .MapGet("{projectId:guid}/indicators", Handle)
            .WithName("GetProjectIndicators")
            .RequireAuthorization(Policies.Read)
            .WithSummary("The indicator table: baseline, target, actual and progress. With a period, only periods ending in it count.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<List<IndicatorFigures>>> Handle(
        Guid projectId, ReportsDbContext db, CancellationToken cancellationToken, DateOnly? from = null, DateOnly? to = null)
    {
        if (!await db.ProjectSummaries.AnyAsync(p => p.ProjectId == projectId, cancellationToken))
        {
            throw new NotFoundException("Project", projectId);
        }
        return TypedResults.Ok(await IndicatorTable.ForProjectsAsync(db, [projectId], from, to, cancellationToken));
    }
}

/// <summary>The indicator table of one or more projects, as dashboards and donor reports show it.</summary>
internal static class IndicatorTable
{
    /// <param name="approvedOnly">Count only measurements whose period ends in an approved reporting period of their project.</param>
    public static async Task<List<IndicatorFigures>> ForProjectsAsync(
        ReportsDbContext db, IReadOnlyCollection<Guid> projectIds, DateOnly? from, DateOnly? to, CancellationToken cancellationToken,
        bool approvedOnly = false)
    {
        var indicators = await db.IndicatorFacts.AsNoTracking().Where(i => projectIds.Contains(i.ProjectId))
            .OrderBy(i => i.ProjectId).ThenBy(i => i.Code).ThenBy(i => i.Name).ToListAsync(cancellationToken);
        var measurements = db.MeasurementFacts.AsNoTracking().Where(m => projectIds.Contains(m.ProjectId));
        if (from is not null) measurements = measurements.Where(m => m.PeriodEnd >= from);
        if (to is not null) measurements = measurements.Where(m => m.PeriodEnd <= to);
        if (approvedOnly)
        {
            measurements = measurements.Where(m =>
                db.ApprovedPeriods.Any(p => p.Approved && p.ProjectId == m.ProjectId && m.PeriodEnd >= p.From && m.PeriodEnd <= p.To));
        }
        var periods = (await measurements
                .GroupBy(m => new { m.IndicatorId, m.PeriodStart, m.PeriodEnd })
                .Select(g => new { g.Key.IndicatorId, g.Key.PeriodStart, g.Key.PeriodEnd, Value = g.Sum(m => m.Value) })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.IndicatorId);

        return indicators.Select(i =>
        {
            var values = periods[i.IndicatorId].ToList();
            // The same rule as Projects' results framework; the reconciliation test holds them together.
            decimal? actual = values.Count == 0 ? null : i.Aggregation == IndicatorAggregation.Cumulative
                ? values.Sum(p => p.Value)
                : values.MaxBy(p => (p.PeriodEnd, p.PeriodStart))!.Value;
            decimal? progress = actual is null || i.Target == i.Baseline
                ? null
                : Math.Round((actual.Value - i.Baseline) / (i.Target - i.Baseline), 4, MidpointRounding.AwayFromZero);
            return new IndicatorFigures(i.IndicatorId, i.ProjectId, i.Code, Translations.Pick(i.Name, i.NameTranslations), i.Unit, i.Direction, i.Aggregation, i.Baseline, i.Target, actual, progress);
        }).ToList();
    }
}
