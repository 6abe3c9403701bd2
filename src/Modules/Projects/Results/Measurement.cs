using Advocacy.Modules.Projects.Contracts;

namespace Advocacy.Modules.Projects.Results;

/// <summary>
/// A value of an indicator for a period, for everyone or for one slice (audience, gender, age band,
/// country). Within a period an indicator has either one value for everyone or slices, never both,
/// so the period's value is always the sum of its rows; except for an indicator broken down by
/// disaggregation sets, whose row for everyone is the period's total and whose slices, one set at a
/// time, break it down.
/// </summary>
internal sealed class Measurement
{
    public const int NotesMaxLength = 2000;

    public Guid Id { get; init; }

    public Guid ProjectId { get; init; }

    public Guid IndicatorId { get; init; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public decimal Value { get; set; }

    public Audience? Audience { get; set; }

    public Gender? Gender { get; set; }

    public AgeBand? AgeBand { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public string? Country { get; set; }

    public string? Notes { get; set; }

    public required string RecordedBy { get; set; }

    /// <summary>Computed by the indicator's rule from the activity log (ADR 0012), never typed.</summary>
    public bool Computed { get; init; }

    /// <summary>For a computed measurement: the activities that produced its value.</summary>
    public List<Guid> SourceActivityIds { get; set; } = [];

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    /// <summary>Who records computed measurements.</summary>
    public const string RuleRecorder = "rule";

    public bool IsDisaggregated => Audience is not null || Gender is not null || AgeBand is not null || Country is not null;

    public IndicatorMeasured ToEvent(Indicator indicator, DateTimeOffset occurredAt) => new(
        Id, IndicatorId, ProjectId, indicator.ObjectiveId, indicator.Name, indicator.Unit, indicator.Direction,
        indicator.Aggregation, indicator.Baseline, indicator.Target, PeriodStart, PeriodEnd, Value,
        Audience, Gender, AgeBand, Country, occurredAt);
}
