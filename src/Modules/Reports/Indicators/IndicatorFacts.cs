using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Reports.Data;

namespace Advocacy.Modules.Reports.Indicators;

/// <summary>Reports' copy of an indicator's definition, from IndicatorDefined and IndicatorMeasured.</summary>
[NotAudited]
internal sealed class IndicatorFact
{
    public Guid IndicatorId { get; init; }
    public Guid ProjectId { get; set; }
    public Guid ObjectiveId { get; set; }
    public string? Code { get; set; }
    public string Name { get; set; } = "";
    public List<Translation> NameTranslations { get; set; } = [];
    public string Unit { get; set; } = "";
    public IndicatorDirection Direction { get; set; }
    public IndicatorAggregation Aggregation { get; set; }
    public decimal Baseline { get; set; }
    public decimal Target { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Reports' copy of one measurement (a value for a period and slice).</summary>
[NotAudited]
internal sealed class MeasurementFact
{
    public Guid MeasurementId { get; init; }
    public Guid IndicatorId { get; set; }
    public Guid ProjectId { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public decimal Value { get; set; }
    public Audience? Audience { get; set; }
    public Gender? Gender { get; set; }
    public AgeBand? AgeBand { get; set; }
    public string? Country { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class IndicatorDefinedConsumer(ReportsDbContext db) : InboxConsumer<IndicatorDefined, ReportsDbContext>(db)
{
    protected override async Task Handle(IndicatorDefined message, CancellationToken cancellationToken)
    {
        var fact = await IndicatorFactsWriter.NewerOrNullAsync(Db, message.IndicatorId, message.OccurredAt, winsTies: true, cancellationToken);
        if (fact is null)
        {
            return;
        }
        (fact.ProjectId, fact.ObjectiveId, fact.Code, fact.Name, fact.Unit) = (message.ProjectId, message.ObjectiveId, message.Code, message.Name, message.Unit);
        (fact.Direction, fact.Aggregation, fact.Baseline, fact.Target) = (message.Direction, message.Aggregation, message.Baseline, message.Target);
        fact.NameTranslations = Translations.FromMap(message.NameTranslations);
        fact.UpdatedAt = message.OccurredAt;
    }
}

internal sealed class IndicatorMeasuredConsumer(ReportsDbContext db) : InboxConsumer<IndicatorMeasured, ReportsDbContext>(db)
{
    protected override async Task Handle(IndicatorMeasured m, CancellationToken cancellationToken)
    {
        // The definition it carries fills in an indicator Reports has not heard defined (older data).
        if (await IndicatorFactsWriter.NewerOrNullAsync(Db, m.IndicatorId, m.OccurredAt, winsTies: false, cancellationToken) is { } indicator)
        {
            (indicator.ProjectId, indicator.ObjectiveId, indicator.Name, indicator.Unit) = (m.ProjectId, m.ObjectiveId, m.IndicatorName, m.Unit);
            (indicator.Direction, indicator.Aggregation, indicator.Baseline, indicator.Target) = (m.Direction, m.Aggregation, m.Baseline, m.Target);
            indicator.UpdatedAt = m.OccurredAt;
        }
        var measurement = await Db.MeasurementFacts.FindAsync([m.MeasurementId], cancellationToken);
        if (measurement is not null && measurement.UpdatedAt >= m.OccurredAt)
        {
            return;
        }
        if (measurement is null)
        {
            measurement = new MeasurementFact { MeasurementId = m.MeasurementId };
            Db.MeasurementFacts.Add(measurement);
        }
        (measurement.IndicatorId, measurement.ProjectId, measurement.PeriodStart, measurement.PeriodEnd, measurement.Value) =
            (m.IndicatorId, m.ProjectId, m.PeriodStart, m.PeriodEnd, m.Value);
        (measurement.Audience, measurement.Gender, measurement.AgeBand, measurement.Country) = (m.Audience, m.Gender, m.AgeBand, m.Country);
        measurement.UpdatedAt = m.OccurredAt;
    }
}

internal static class IndicatorFactsWriter
{
    /// <summary>
    /// The indicator's fact to update when <paramref name="occurredAt"/> is newer than it (created if
    /// missing), else null. A definition wins a tie with a measurement recorded at the same instant.
    /// </summary>
    public static async Task<IndicatorFact?> NewerOrNullAsync(
        ReportsDbContext db, Guid indicatorId, DateTimeOffset occurredAt, bool winsTies, CancellationToken cancellationToken)
    {
        await db.LockForTransactionAsync($"indicator-fact:{indicatorId}", cancellationToken);
        var fact = await db.IndicatorFacts.FindAsync([indicatorId], cancellationToken);
        if (fact is null)
        {
            fact = new IndicatorFact { IndicatorId = indicatorId, UpdatedAt = DateTimeOffset.MinValue };
            db.IndicatorFacts.Add(fact);
        }
        var newer = winsTies ? occurredAt >= fact.UpdatedAt : occurredAt > fact.UpdatedAt;
        return newer ? fact : null;
    }
}
