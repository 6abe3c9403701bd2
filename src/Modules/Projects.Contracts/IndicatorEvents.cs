using System.Text.Json.Serialization;

namespace Advocacy.Modules.Projects.Contracts;

/// <summary>Whether an indicator should go up or down.</summary>
public enum IndicatorDirection
{
    /// <summary>Higher is better (people trained).</summary>
    Increase,

    /// <summary>Lower is better (cases unidentified).</summary>
    Decrease,
}

/// <summary>How an indicator's measurements over periods add up to its actual value.</summary>
public enum IndicatorAggregation
{
    /// <summary>Periods add up: the actual is the sum of all periods (people reached so far).</summary>
    Cumulative,

    /// <summary>Each period replaces the last: the actual is the latest period (a percentage, a level).</summary>
    Latest,
}

/// <summary>How often an indicator is reported.</summary>
public enum ReportingFrequency
{
    /// <summary>Every month.</summary>
    Monthly,

    /// <summary>Every quarter.</summary>
    Quarterly,

    /// <summary>Every half year.</summary>
    SemiAnnual,

    /// <summary>Every year.</summary>
    Annual,

    /// <summary>Once, at the end of the project.</summary>
    EndOfProject,
}

/// <summary>Age bands for disaggregation.</summary>
public enum AgeBand
{
    /// <summary>0 to 11 years.</summary>
    [JsonStringEnumMemberName("0-11")] From0To11,

    /// <summary>12 to 17 years.</summary>
    [JsonStringEnumMemberName("12-17")] From12To17,

    /// <summary>18 to 24 years.</summary>
    [JsonStringEnumMemberName("18-24")] From18To24,

    /// <summary>25 years and over.</summary>
    [JsonStringEnumMemberName("25+")] From25,
}

/// <summary>
/// Published when a measurement of an indicator is recorded or corrected (same
/// <paramref name="MeasurementId"/>: replace the earlier value). Carries the indicator's definition,
/// so a read model can show actual against target without asking Projects.
/// </summary>
/// <param name="MeasurementId">The measurement's id.</param>
/// <param name="IndicatorId">The indicator measured.</param>
/// <param name="ProjectId">The project whose results framework holds it.</param>
/// <param name="ObjectiveId">The objective the indicator belongs to.</param>
/// <param name="IndicatorName">The indicator's name.</param>
/// <param name="Unit">What it counts, e.g. "people", "%".</param>
/// <param name="Direction">Whether higher or lower is better.</param>
/// <param name="Aggregation">How periods add up.</param>
/// <param name="Baseline">The value at the start.</param>
/// <param name="Target">The value aimed for.</param>
/// <param name="PeriodStart">First day of the period measured.</param>
/// <param name="PeriodEnd">Last day of the period measured.</param>
/// <param name="Value">The measured value.</param>
/// <param name="Audience">The audience this value is for, or null for all.</param>
/// <param name="Gender">The gender this value is for, or null for all.</param>
/// <param name="AgeBand">The age band this value is for, or null for all.</param>
/// <param name="Country">The country this value is for (ISO 3166-1 alpha-2), or null for all.</param>
/// <param name="OccurredAt">When it was recorded.</param>
public sealed record IndicatorMeasured(
    Guid MeasurementId,
    Guid IndicatorId,
    Guid ProjectId,
    Guid ObjectiveId,
    string IndicatorName,
    string Unit,
    IndicatorDirection Direction,
    IndicatorAggregation Aggregation,
    decimal Baseline,
    decimal Target,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    decimal Value,
    Audience? Audience,
    Gender? Gender,
    AgeBand? AgeBand,
    string? Country,
    DateTimeOffset OccurredAt);

/// <summary>
/// Published when an indicator is created or its definition changes (same
/// <paramref name="IndicatorId"/>: replace), so read models keep baselines and targets current
/// between measurements.
/// </summary>
/// <param name="IndicatorId">The indicator.</param>
/// <param name="ProjectId">The project whose results framework holds it.</param>
/// <param name="ObjectiveId">The objective it measures.</param>
/// <param name="Code">Its short reference, e.g. "1.1".</param>
/// <param name="Name">Its name.</param>
/// <param name="Unit">What it counts, e.g. "people", "%".</param>
/// <param name="Direction">Whether higher or lower is better.</param>
/// <param name="Aggregation">How periods add up.</param>
/// <param name="Baseline">The value at the start.</param>
/// <param name="Target">The value aimed for.</param>
/// <param name="OccurredAt">When it was defined or changed.</param>
/// <param name="NameTranslations">Its name in other languages (en, fr, nl) by language code; empty or null when there are none.</param>
public sealed record IndicatorDefined(
    Guid IndicatorId,
    Guid ProjectId,
    Guid ObjectiveId,
    string Code,
    string Name,
    string Unit,
    IndicatorDirection Direction,
    IndicatorAggregation Aggregation,
    decimal Baseline,
    decimal Target,
    DateTimeOffset OccurredAt,
    IReadOnlyDictionary<string, string>? NameTranslations = null);
