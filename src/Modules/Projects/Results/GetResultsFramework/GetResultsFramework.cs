using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Projects;
using Advocacy.Modules.Projects.Results.DisaggregationSets;
using Advocacy.Modules.Projects.Results.Rules;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Results.GetResultsFramework;

/// <summary>A project's objectives, each with its indicators and their progress.</summary>
internal sealed record ResultsFrameworkResponse(Guid ProjectId, List<ObjectiveResults> Objectives);

internal sealed record ObjectiveResults(
    Guid Id, string Code, string Title, string? Description, uint Version, List<IndicatorResults> Indicators);

/// <summary>
/// An indicator with its values per period, its <see cref="Actual"/> value (the sum of all periods when
/// cumulative, the latest period's when latest) and <see cref="Progress"/>: (actual − baseline) /
/// (target − baseline) as a fraction, 1 when the target is met. Both null until something is measured.
/// With a <see cref="Rule"/>, the periods are computed from the activity log; with disaggregation sets, a
/// period's value is its total and its warnings name the sets whose parts do not add up to it.
/// </summary>
internal sealed record IndicatorResults(
    Guid Id,
    string Code,
    string Name,
    string Unit,
    IndicatorDirection Direction,
    IndicatorAggregation Aggregation,
    decimal Baseline,
    decimal Target,
    ReportingFrequency Frequency,
    uint Version,
    List<PeriodValue> Periods,
    decimal? Actual,
    decimal? Progress,
    IndicatorRuleResponse? Rule,
    List<Guid> DisaggregationSetIds,
    bool RequireTotals);

/// <summary>
/// A period's value: the sum of its measurements (one for everyone, or its slices), or for an indicator
/// broken down by disaggregation sets its total. <see cref="Computed"/> when the indicator's rule counted it.
/// </summary>
internal sealed record PeriodValue(
    DateOnly PeriodStart, DateOnly PeriodEnd, decimal Value, int Measurements, bool Computed, IReadOnlyList<TotalsWarning> Warnings);

internal sealed class GetResultsFrameworkEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ResultsApi.Group(app)
            .MapGet("results-framework", Handle)
            .WithName("GetResultsFramework")
            .RequireAuthorization(Policies.Read)
            .WithSummary("Objectives, indicators, values per period, actual and progress against target (computed).")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<ResultsFrameworkResponse>> Handle(Guid projectId, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        await db.EnsureProjectExistsAsync(projectId, cancellationToken);
        var objectives = await db.Objectives.AsNoTracking()
            .Where(o => o.ProjectId == projectId).OrderBy(o => o.Code).ToListAsync(cancellationToken);
        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => i.ProjectId == projectId).OrderBy(i => i.Code).ToListAsync(cancellationToken);
        var brokenDown = indicators.Where(i => i.IsBrokenDownBySets).ToDictionary(i => i.Id);
        var rows = (await db.Measurements.AsNoTracking()
                .Where(m => m.ProjectId == projectId)
                .GroupBy(m => new
                {
                    m.IndicatorId, m.PeriodStart, m.PeriodEnd, m.Computed,
                    Total = m.Audience == null && m.Gender == null && m.AgeBand == null && m.Country == null,
                })
                .Select(g => new { g.Key.IndicatorId, g.Key.PeriodStart, g.Key.PeriodEnd, g.Key.Computed, g.Key.Total, Value = g.Sum(m => m.Value), Rows = g.Count() })
                .ToListAsync(cancellationToken))
            .GroupBy(r => (r.IndicatorId, r.PeriodStart, r.PeriodEnd));
        var warnings = await BreakdownWarningsAsync(db, brokenDown.Values.ToList(), cancellationToken);
        var periods = rows.ToLookup(p => p.Key.IndicatorId, p => new PeriodValue(
            p.Key.PeriodStart, p.Key.PeriodEnd,
            // Broken down by sets, a period's value is its total; its slices break that total down.
            p.Where(r => r.Total || !brokenDown.ContainsKey(p.Key.IndicatorId)).Sum(r => r.Value),
            p.Sum(r => r.Rows), p.Any(r => r.Computed), warnings.GetValueOrDefault(p.Key) ?? []));

        var byObjective = indicators.ToLookup(i => i.ObjectiveId, i =>
        {
            var values = periods[i.Id].OrderBy(p => p.PeriodStart).ThenBy(p => p.PeriodEnd).ToList();
            var actual = IndicatorProgress.Actual(i.Aggregation, values);
            return new IndicatorResults(
                i.Id, i.Code, Translations.Pick(i.Name, i.NameTranslations), i.Unit, i.Direction, i.Aggregation, i.Baseline, i.Target, i.Frequency, i.Version,
                values, actual, IndicatorProgress.Fraction(i.Baseline, i.Target, actual),
                IndicatorRuleResponse.From(i.Rule), i.DisaggregationSetIds, i.RequireTotals);
        });
        return TypedResults.Ok(new ResultsFrameworkResponse(
            projectId,
            objectives.Select(o => new ObjectiveResults(o.Id, o.Code, o.Title, o.Description, o.Version, byObjective[o.Id].ToList())).ToList()));
    }

    /// <summary>For each period of the indicators broken down by sets, the sets whose parts do not add up to the total.</summary>
    private static async Task<Dictionary<(Guid, DateOnly, DateOnly), List<TotalsWarning>>> BreakdownWarningsAsync(
        ProjectsDbContext db, IReadOnlyList<Indicator> indicators, CancellationToken cancellationToken)
    {
        if (indicators.Count == 0)
        {
            return [];
        }
        var indicatorIds = indicators.Select(i => i.Id).ToList();
        var setIds = indicators.SelectMany(i => i.DisaggregationSetIds).Distinct().ToList();
        var sets = await db.DisaggregationSets.AsNoTracking().Where(s => setIds.Contains(s.Id)).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var measurements = await db.Measurements.AsNoTracking().Where(m => indicatorIds.Contains(m.IndicatorId)).ToListAsync(cancellationToken);
        var result = new Dictionary<(Guid, DateOnly, DateOnly), List<TotalsWarning>>();
        foreach (var period in measurements.GroupBy(m => (m.IndicatorId, m.PeriodStart, m.PeriodEnd)))
        {
            var indicator = indicators.Single(i => i.Id == period.Key.IndicatorId);
            var found = Breakdowns.Check(sets.Where(s => indicator.DisaggregationSetIds.Contains(s.Id)).ToList(), period.ToList());
            if (found.Count > 0)
            {
                result[period.Key] = found;
            }
        }
        return result;
    }
}

/// <summary>Actual value and progress, computed from the measurements, never stored.</summary>
internal static class IndicatorProgress
{
    /// <summary>
    /// Cumulative: the sum of every period. Latest: the value of the period that ends last (of two
    /// ending the same day, the shorter). Null when nothing is measured.
    /// </summary>
    public static decimal? Actual(IndicatorAggregation aggregation, IReadOnlyList<PeriodValue> periods) =>
        periods.Count == 0
            ? null
            : aggregation switch
            {
                IndicatorAggregation.Cumulative => periods.Sum(p => p.Value),
                IndicatorAggregation.Latest => periods.MaxBy(p => (p.PeriodEnd, p.PeriodStart))!.Value,
                _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, null),
            };

    /// <summary>(actual − baseline) / (target − baseline), to 4 decimals: 0 at the baseline, 1 at the target, above 1 beyond it.</summary>
    public static decimal? Fraction(decimal baseline, decimal target, decimal? actual) =>
        actual is null || target == baseline
            ? null
            : Math.Round((actual.Value - baseline) / (target - baseline), 4, MidpointRounding.AwayFromZero);
}
