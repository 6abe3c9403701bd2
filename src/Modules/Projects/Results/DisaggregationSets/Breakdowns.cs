using System.Globalization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Results.DisaggregationSets;

/// <summary>A disaggregation set whose parts do not add up to the period's total.</summary>
/// <param name="SetId">The set.</param>
/// <param name="Set">Its name.</param>
/// <param name="Dimension">What it breaks down by.</param>
/// <param name="Total">The period's total (its value for everyone), or null when none is recorded.</param>
/// <param name="SumOfParts">The sum of the period's values for the set's categories.</param>
internal sealed record TotalsWarning(Guid SetId, string Set, DisaggregationDimension Dimension, decimal? Total, decimal SumOfParts)
{
    public string Message =>
        $"The parts of set '{Set}' ({DisaggregationCategories.Name(Dimension)}) add up to {Figure(SumOfParts)}, "
        + (Total is { } total ? $"the total is {Figure(total)}." : "and no total is recorded.");

    private static string Figure(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}

/// <summary>
/// The rules of an indicator broken down by disaggregation sets (ADR 0012): a period has a total (its value,
/// the only row published to Reports) and, per set, values for the set's categories, which should add up to it.
/// </summary>
internal static class Breakdowns
{
    /// <summary>Whether <paramref name="measurement"/> is part of the period's value (and so published): for an indicator broken down by sets only the total is.</summary>
    public static bool CountsInPeriodValue(Indicator indicator, Measurement measurement) =>
        !indicator.IsBrokenDownBySets || !measurement.IsDisaggregated;

    public static Task<List<DisaggregationSet>> SetsOfAsync(ProjectsDbContext db, Indicator indicator, CancellationToken cancellationToken) =>
        db.DisaggregationSets.AsNoTracking().Where(s => indicator.DisaggregationSetIds.Contains(s.Id)).OrderBy(s => s.Name).ToListAsync(cancellationToken);

    /// <summary>
    /// Per-field errors (400) when a slice does not fit the indicator's sets: sliced by more than one dimension,
    /// by a dimension none of its sets covers, or by a category outside the set. Null when it fits.
    /// </summary>
    public static Dictionary<string, string[]>? SliceErrors(IReadOnlyList<DisaggregationSet> sets, Measurement measurement, string prefix = "")
    {
        var dimensions = DisaggregationCategories.DimensionsOf(measurement);
        if (dimensions.Count > 1)
        {
            return new()
            {
                [$"{prefix}{DisaggregationCategories.Name(dimensions[1])}"] =
                    ["This indicator is broken down by disaggregation sets, one dimension at a time: give one slice field per value."],
            };
        }
        if (dimensions.Count == 0)
        {
            return null;
        }
        var dimension = dimensions[0];
        var category = DisaggregationCategories.Of(measurement, dimension)!;
        var field = $"{prefix}{DisaggregationCategories.Name(dimension)}";
        if (sets.SingleOrDefault(s => s.Dimension == dimension) is not { } set)
        {
            return new() { [field] = [$"This indicator is not broken down by {DisaggregationCategories.Name(dimension)}: its sets are "
                + (sets.Count == 0 ? "none" : string.Join(", ", sets.Select(s => $"'{s.Name}' ({DisaggregationCategories.Name(s.Dimension)})"))) + "."] };
        }
        return set.Categories.Contains(category)
            ? null
            : new() { [field] = [$"'{category}' is not a category of the set '{set.Name}': use one of {string.Join(", ", set.Categories)}."] };
    }

    /// <summary>The period's rows as they will be once <paramref name="pending"/> is written (a pending row replaces the saved one with its id).</summary>
    public static async Task<List<Measurement>> PeriodRowsAsync(
        ProjectsDbContext db, Guid indicatorId, DateOnly periodStart, DateOnly periodEnd, IReadOnlyCollection<Measurement> pending,
        CancellationToken cancellationToken)
    {
        var saved = await db.Measurements.AsNoTracking()
            .Where(m => m.IndicatorId == indicatorId && m.PeriodStart == periodStart && m.PeriodEnd == periodEnd)
            .ToListAsync(cancellationToken);
        return saved.Where(m => pending.All(p => p.Id != m.Id)).Concat(pending).ToList();
    }

    /// <summary>Each set with values in the period whose values do not add up to the period's total.</summary>
    public static List<TotalsWarning> Check(IReadOnlyList<DisaggregationSet> sets, IReadOnlyCollection<Measurement> periodRows)
    {
        var total = periodRows.SingleOrDefault(m => !m.IsDisaggregated)?.Value;
        var warnings = new List<TotalsWarning>();
        foreach (var set in sets)
        {
            var parts = periodRows.Where(m => DisaggregationCategories.DimensionsOf(m) is [var d] && d == set.Dimension).ToList();
            if (parts.Count == 0)
            {
                continue;
            }
            var sum = parts.Sum(m => m.Value);
            if (total != sum)
            {
                warnings.Add(new TotalsWarning(set.Id, set.Name, set.Dimension, total, sum));
            }
        }
        return warnings;
    }

    /// <summary>409 when the period has values by slice and no total: a broken-down indicator's value is its total.</summary>
    public static void EnsureTotalFirst(Indicator indicator, IReadOnlyCollection<Measurement> periodRows)
    {
        if (periodRows.Any(m => m.IsDisaggregated) && periodRows.All(m => m.IsDisaggregated))
        {
            throw new ConflictException(
                $"Indicator {indicator.Code} is broken down by disaggregation sets: its value for a period is the total. "
                + "Record the period's total first (a value with no slice), or the total and its parts together "
                + $"(POST /api/projects/{indicator.ProjectId}/indicators/{indicator.Id}/measurements/period).");
        }
    }

    /// <summary>The 400 answer when an indicator that requires totals gets parts that do not add up: names each set and both numbers.</summary>
    public static ProblemHttpResult Refusal(Indicator indicator, IReadOnlyList<TotalsWarning> mismatches) =>
        TypedResults.Problem(
            title: "The parts do not add up to the total",
            detail: $"Indicator {indicator.Code} requires each disaggregation set to add up to the period's total; nothing was written. "
                + string.Join(" ", mismatches.Select(m => m.Message)),
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["mismatches"] = mismatches });
}
