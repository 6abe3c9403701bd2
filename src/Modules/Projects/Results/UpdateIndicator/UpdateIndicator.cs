using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.ReportingPeriods;
using Advocacy.Modules.Projects.Results.Rules;
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Results.UpdateIndicator;

/// <summary>
/// The indicator's definition as it should now be, with the <see cref="Version"/> the editor read.
/// Its objective stays: an indicator measures the objective it was defined for. Its rule, sets and
/// requireTotals are replaced too (omitted: none), within the limits of what it has measured (409).
/// </summary>
internal sealed record UpdateIndicatorRequest(
    string Code,
    string Name,
    string Unit,
    IndicatorDirection? Direction,
    IndicatorAggregation? Aggregation,
    decimal? Baseline,
    decimal? Target,
    ReportingFrequency? Frequency,
    uint? Version,
    IndicatorRuleInput? Rule = null,
    List<Guid>? DisaggregationSetIds = null,
    bool? RequireTotals = null,
    Dictionary<string, string>? NameTranslations = null) : IIndicatorInput;

internal sealed class UpdateIndicatorValidator : AbstractValidator<UpdateIndicatorRequest>
{
    public UpdateIndicatorValidator()
    {
        Include(new IndicatorInputValidator());
        RuleFor(r => r.Version).NotNull().WithMessage(_ => SharedMessages.VersionMissing);
    }
}

internal sealed class UpdateIndicatorEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ResultsApi.Group(app)
            .MapPut("indicators/{indicatorId:guid}", Handle)
            .WithName("UpdateIndicator")
            .RequireAuthorization(Policies.Write)
            .WithValidation<UpdateIndicatorRequest>()
            .WithSummary("Edits an indicator's definition. A changed rule counts every period again; a typed indicator "
                + "with values cannot get a rule, nor a computed one lose it or change its period length, nor one with "
                + "values by slice change its disaggregation sets (409).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<IndicatorResponse>, ValidationProblem>> Handle(
        Guid projectId, Guid indicatorId, UpdateIndicatorRequest request, ProjectsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Before the rules' lock, in the order activity writers take them.
        var periods = await db.WatchComputedAsync(projectId, cancellationToken);
        // Before reading anything: an activity change waiting on this lock then counts by the rule as saved here.
        await RuleMeasurements.LockProjectAsync(db, projectId, cancellationToken);
        var indicator = await ResultsApi.FindIndicatorAsync(db, projectId, indicatorId, cancellationToken);
        if (await IndicatorInputValidator.SetErrorsAsync(db, request.DisaggregationSetIds, cancellationToken) is { } setErrors)
        {
            return TypedResults.ValidationProblem(setErrors);
        }
        var code = ResultsApi.NormalizeCode(request.Code);
        await IndicatorInputValidator.EnsureCodeIsFreeAsync(db, projectId, code, indicator.Id, cancellationToken);

        var projectStart = await db.Projects.Where(p => p.Id == projectId).Select(p => p.StartDate).SingleAsync(cancellationToken);
        var before = indicator.Rule?.Copy();
        var rule = request.Rule?.ToRule(before?.PeriodsFrom ?? projectStart);
        await EnsureChangeFitsMeasurementsAsync(db, indicator, before, rule, request.DisaggregationSetIds ?? [], cancellationToken);

        // The version the editor read: if the row has moved on since, SaveChanges throws and the answer is 409.
        db.Entry(indicator).Property(i => i.Version).OriginalValue = request.Version!.Value;
        IndicatorInputValidator.Apply(request, indicator);
        if (rule is null || before is null || !rule.SameAs(before))
        {
            indicator.Rule = rule;
        }
        var now = clock.GetUtcNow();
        db.AddIntegrationEvent(indicator.ToDefinedEvent(now));
        await db.SaveChangesAsync(cancellationToken);
        if (rule is not null && (before is null || !rule.SameAs(before)))
        {
            await RuleMeasurements.RecountIndicatorAsync(db, indicator, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            // Values of approved periods it would count differently refuse it (ADR 0011).
            await periods.EnsureComputedUnchangedAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Ok(IndicatorResponse.From(indicator));
    }

    /// <summary>
    /// 409 when the change would contradict what the indicator has measured: a rule over typed values, typed
    /// values over computed ones, computed periods of another length (Reports keeps every period it was told
    /// of), or other sets over values by slice (which count differently with and without sets).
    /// </summary>
    private static async Task EnsureChangeFitsMeasurementsAsync(
        ProjectsDbContext db, Indicator indicator, IndicatorRule? before, IndicatorRule? after, List<Guid> setIds,
        CancellationToken cancellationToken)
    {
        var measured = db.Measurements.Where(m => m.IndicatorId == indicator.Id);
        if (before is null && after is not null && await measured.AnyAsync(m => !m.Computed, cancellationToken))
        {
            throw new ConflictException(
                $"Indicator {indicator.Code} has typed values: it cannot count itself as well. Define a new indicator with the rule.");
        }
        if (before is not null && after is null && await measured.AnyAsync(m => m.Computed, cancellationToken))
        {
            throw new ConflictException(
                $"Indicator {indicator.Code} has computed values: it cannot stop counting itself. Define a new typed indicator instead.");
        }
        if (before is not null && after is not null && before.PeriodLength != after.PeriodLength && await measured.AnyAsync(m => m.Computed, cancellationToken))
        {
            throw new ConflictException(
                $"Indicator {indicator.Code} has computed values per {before.PeriodLength.ToString().ToLowerInvariant()}: "
                + "its period length cannot change. Define a new indicator with the other period length.");
        }
        var setsChange = !setIds.Order().SequenceEqual(indicator.DisaggregationSetIds.Order());
        if (setsChange && await measured.AnyAsync(m => m.Audience != null || m.Gender != null || m.AgeBand != null || m.Country != null, cancellationToken))
        {
            throw new ConflictException(
                $"Indicator {indicator.Code} has values by slice: its disaggregation sets cannot change, because the slices "
                + "would then count differently (with sets they break a total down; without, they add up to it).");
        }
    }
}
