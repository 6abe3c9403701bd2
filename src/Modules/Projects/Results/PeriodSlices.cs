using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;

namespace Advocacy.Modules.Projects.Results;

/// <summary>
/// Keeps a period's value the sum of its rows: within one indicator and one exact period there is
/// either one value for everyone or slices, and no two slices count the same people.
/// </summary>
internal static class PeriodSlices
{
    /// <summary>
    /// Throws <see cref="ConflictException"/> (409) when <paramref name="measurement"/> repeats or overlaps
    /// what is already recorded for its indicator and period. Call it with the indicator locked, so two
    /// writers cannot both pass the check.
    /// </summary>
    public static async Task EnsureFitsAsync(
        ProjectsDbContext db, Indicator indicator, Measurement measurement, CancellationToken cancellationToken)
    {
        var recorded = await db.Measurements.AsNoTracking()
            .Where(m => m.IndicatorId == measurement.IndicatorId
                && m.PeriodStart == measurement.PeriodStart
                && m.PeriodEnd == measurement.PeriodEnd)
            .ToListAsync(cancellationToken);
        // Broken down by disaggregation sets, a total and each set's slices count the same people by design: only a repeat clashes.
        if (recorded.FirstOrDefault(other => indicator.IsBrokenDownBySets ? Slice(other) == Slice(measurement) : Overlap(other, measurement))
            is not { } other)
        {
            return;
        }
        var indicatorCode = indicator.Code;
        var period = Period(measurement);
        throw new ConflictException(
            Slice(other) == Slice(measurement)
                ? $"Indicator {indicatorCode} already has a value for {Slice(measurement)} in the period {period} "
                    + $"(measurement {other.Id}): correct that one instead."
            : !measurement.IsDisaggregated
                ? $"Indicator {indicatorCode} already has values by slice (audience, gender, age band or country) in the period {period}; "
                    + "a value for everyone would count them twice. Record this period by slice, or correct the slices."
            : !other.IsDisaggregated
                ? $"Indicator {indicatorCode} already has one value for everyone in the period {period} (measurement {other.Id}); "
                    + "values by slice would count it twice. Correct that value instead."
            : $"Indicator {indicatorCode} already has a value for {Slice(other)} in the period {period}, which overlaps {Slice(measurement)}: "
                + "people in both would be counted twice. The slices of one period must not overlap "
                + "(e.g. all by audience, or all by audience and gender).");
    }

    /// <summary>Whether two rows can count the same people: on every dimension, one is "all" or they agree.</summary>
    private static bool Overlap(Measurement a, Measurement b) =>
        Meets(a.Audience, b.Audience) && Meets(a.Gender, b.Gender) && Meets(a.AgeBand, b.AgeBand) && Meets(a.Country, b.Country);

    private static bool Meets<T>(T a, T b) => a is null || b is null || EqualityComparer<T>.Default.Equals(a, b);

    private static string Period(Measurement m) =>
        $"{m.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to {m.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>The slice as the API spells it, e.g. "children, female, 12-17, BE", or "everyone".</summary>
    private static string Slice(Measurement m)
    {
        string?[] parts =
        [
            m.Audience is { } audience ? JsonNamingPolicy.CamelCase.ConvertName(audience.ToString()) : null,
            m.Gender is { } gender ? JsonNamingPolicy.CamelCase.ConvertName(gender.ToString()) : null,
            m.AgeBand is { } band
                ? typeof(AgeBand).GetField(band.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? band.ToString()
                : null,
            m.Country,
        ];
        var named = parts.OfType<string>().ToList();
        return named.Count == 0 ? "everyone" : string.Join(", ", named);
    }
}
