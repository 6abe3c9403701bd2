using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Results.Rules;

namespace Advocacy.Modules.Projects.Results;

/// <summary>
/// What an objective is measured by: a unit, a direction, a baseline and a target. Its actual value
/// and progress are computed from its measurements, never typed.
/// </summary>
internal sealed class Indicator
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 500;
    public const int UnitMaxLength = 50;

    public Guid Id { get; init; }

    /// <summary>Copied from the objective so the project's indicators are found without a join.</summary>
    public Guid ProjectId { get; init; }

    public Guid ObjectiveId { get; init; }

    /// <summary>A short reference, e.g. "1.1"; unique within the project.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>The name in other languages; <see cref="Name"/> is the default.</summary>
    public List<Translation> NameTranslations { get; set; } = [];

    /// <summary>What it counts: "people", "%", "meetings".</summary>
    public required string Unit { get; set; }

    public IndicatorDirection Direction { get; set; }

    public IndicatorAggregation Aggregation { get; set; }

    public decimal Baseline { get; set; }

    public decimal Target { get; set; }

    public ReportingFrequency Frequency { get; set; }

    /// <summary>
    /// When set, the indicator counts itself: its measurements are computed from the activity log by this
    /// rule (ADR 0012) and cannot be typed or corrected by hand.
    /// </summary>
    public IndicatorRule? Rule { get; set; }

    /// <summary>The disaggregation sets its typed values are broken down by (at most one per dimension).</summary>
    public List<Guid> DisaggregationSetIds { get; set; } = [];

    /// <summary>Whether a breakdown that does not add up to the period's total is refused (else only warned about).</summary>
    public bool RequireTotals { get; set; }

    /// <summary>
    /// With disaggregation sets, a period's value is its total (the row with no slice) and slices break it
    /// down by set; without, a period's value is the sum of its rows.
    /// </summary>
    public bool IsBrokenDownBySets => DisaggregationSetIds.Count > 0;

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public IndicatorDefined ToDefinedEvent(DateTimeOffset occurredAt) =>
        new(Id, ProjectId, ObjectiveId, Code, Name, Unit, Direction, Aggregation, Baseline, Target, occurredAt,
            Translations.ToMap(NameTranslations));
}
