using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Results.DisaggregationSets;
using Advocacy.Modules.Projects.Results.Rules;
using FluentValidation;

namespace Advocacy.Modules.Projects.Results;

/// <summary>The fields staff give when defining or editing an indicator.</summary>
internal interface IIndicatorInput
{
    string Code { get; }
    string Name { get; }
    string Unit { get; }
    IndicatorDirection? Direction { get; }
    IndicatorAggregation? Aggregation { get; }
    decimal? Baseline { get; }
    decimal? Target { get; }
    ReportingFrequency? Frequency { get; }

    /// <summary>The name in other languages (en, fr, nl) by language code; <see cref="Name"/> is the default.</summary>
    Dictionary<string, string>? NameTranslations { get; }

    /// <summary>When given, the indicator counts itself from the activity log (ADR 0012).</summary>
    IndicatorRuleInput? Rule { get; }

    /// <summary>The disaggregation sets its typed values are broken down by, at most one per dimension.</summary>
    List<Guid>? DisaggregationSetIds { get; }

    /// <summary>Whether a breakdown that does not add up to the period's total is refused (400) instead of warned about.</summary>
    bool? RequireTotals { get; }
}

internal sealed class IndicatorInputValidator : AbstractValidator<IIndicatorInput>
{
    public IndicatorInputValidator()
    {
        RuleFor(r => r.Code).Code(Indicator.CodeMaxLength);
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Indicator.NameMaxLength);
        RuleFor(r => r.NameTranslations).Must(t => Translations.Problem(t, Indicator.NameMaxLength) is null)
            .WithMessage(r => Translations.Problem(r.NameTranslations, Indicator.NameMaxLength));
        RuleFor(r => r.Unit).NotEmpty().MaximumLength(Indicator.UnitMaxLength);
        RuleFor(r => r.Direction).NotNull().IsInEnum();
        RuleFor(r => r.Aggregation).NotNull().IsInEnum();
        RuleFor(r => r.Frequency).NotNull().IsInEnum();
        RuleFor(r => r.Rule!).SetValidator(new IndicatorRuleInputValidator()).When(r => r.Rule is not null);
        RuleFor(r => r.DisaggregationSetIds)
            .Must(ids => ids!.Count <= 4).WithMessage(_ => ValidationMessages.AtMostFourSets)
            .Must(ids => ids!.Distinct().Count() == ids!.Count).WithMessage(_ => ValidationMessages.SetOnce)
            .When(r => r.DisaggregationSetIds is not null);
        RuleFor(r => r.DisaggregationSetIds).Empty().When(r => r.Rule is not null)
            .WithMessage(_ => ValidationMessages.RuleBasedNoSets);
        RuleFor(r => r.RequireTotals).NotEqual(true).When(r => r.DisaggregationSetIds is null || r.DisaggregationSetIds.Count == 0)
            .WithMessage(_ => ValidationMessages.RequireTotalsNeedsSet);
        RuleFor(r => r.Baseline).Figure();
        RuleFor(r => r.Target).Figure();
        // Progress is (actual - baseline) / (target - baseline): the target must lie in the indicator's direction.
        When(r => r.Baseline is not null && r.Target is not null, () =>
        {
            RuleFor(r => r.Target).NotEqual(r => r.Baseline)
                .WithMessage(_ => ValidationMessages.TargetDiffersFromBaseline);
            RuleFor(r => r.Target).GreaterThan(r => r.Baseline).When(r => r.Direction == IndicatorDirection.Increase)
                .WithMessage(_ => ValidationMessages.TargetAboveBaseline);
            RuleFor(r => r.Target).LessThan(r => r.Baseline).When(r => r.Direction == IndicatorDirection.Decrease)
                .WithMessage(_ => ValidationMessages.TargetBelowBaseline);
        });
    }

    /// <summary>Copies validated input onto the indicator.</summary>
    public static void Apply(IIndicatorInput input, Indicator indicator)
    {
        indicator.Code = ResultsApi.NormalizeCode(input.Code);
        indicator.Name = input.Name.Trim();
        indicator.NameTranslations = Translations.FromMap(input.NameTranslations);
        indicator.Unit = input.Unit.Trim();
        indicator.Direction = input.Direction!.Value;
        indicator.Aggregation = input.Aggregation!.Value;
        indicator.Baseline = input.Baseline!.Value;
        indicator.Target = input.Target!.Value;
        indicator.Frequency = input.Frequency!.Value;
        indicator.DisaggregationSetIds = (input.DisaggregationSetIds ?? []).ToList();
        indicator.RequireTotals = input.RequireTotals ?? false;
    }

    /// <summary>Per-field errors when a named disaggregation set does not exist, or two share a dimension; else null.</summary>
    public static async Task<Dictionary<string, string[]>?> SetErrorsAsync(
        ProjectsDbContext db, IReadOnlyCollection<Guid>? setIds, CancellationToken cancellationToken)
    {
        if (setIds is null || setIds.Count == 0)
        {
            return null;
        }
        var sets = await db.DisaggregationSets.AsNoTracking().Where(s => setIds.Contains(s.Id)).ToListAsync(cancellationToken);
        var unknown = setIds.Where(id => sets.All(s => s.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            return new() { ["disaggregationSetIds"] = [$"No such disaggregation set: {string.Join(", ", unknown)}."] };
        }
        var shared = sets.GroupBy(s => s.Dimension).Where(g => g.Count() > 1).ToList();
        return shared.Count == 0
            ? null
            : new()
            {
                ["disaggregationSetIds"] = shared.Select(g =>
                    $"Sets {string.Join(" and ", g.Select(s => $"'{s.Name}'"))} both break down by {DisaggregationCategories.Name(g.Key)}: "
                    + "an indicator takes one set per dimension.").ToArray(),
            };
    }

    /// <summary>409 when another indicator of the project already has <paramref name="code"/>.</summary>
    public static async Task EnsureCodeIsFreeAsync(
        ProjectsDbContext db, Guid projectId, string code, Guid? exceptId, CancellationToken cancellationToken)
    {
        if (await db.Indicators.AnyAsync(i => i.ProjectId == projectId && i.Code == code && i.Id != exceptId, cancellationToken))
        {
            throw new ConflictException($"The project already has an indicator with code '{code}'.");
        }
    }
}
