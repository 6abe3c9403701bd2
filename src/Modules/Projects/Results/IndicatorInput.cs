using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
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
}

internal sealed class IndicatorInputValidator : AbstractValidator<IIndicatorInput>
{
    public IndicatorInputValidator()
    {
        RuleFor(r => r.Code).Code(Indicator.CodeMaxLength);
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Indicator.NameMaxLength);
        RuleFor(r => r.Unit).NotEmpty().MaximumLength(Indicator.UnitMaxLength);
        RuleFor(r => r.Direction).NotNull().IsInEnum();
        RuleFor(r => r.Aggregation).NotNull().IsInEnum();
        RuleFor(r => r.Frequency).NotNull().IsInEnum();
        RuleFor(r => r.Baseline).Figure();
        RuleFor(r => r.Target).Figure();
        // Progress is (actual - baseline) / (target - baseline): the target must lie in the indicator's direction.
        When(r => r.Baseline is not null && r.Target is not null, () =>
        {
            RuleFor(r => r.Target).NotEqual(r => r.Baseline)
                .WithMessage("The target must differ from the baseline, or progress cannot be measured.");
            RuleFor(r => r.Target).GreaterThan(r => r.Baseline).When(r => r.Direction == IndicatorDirection.Increase)
                .WithMessage("An indicator that should increase needs a target above its baseline.");
            RuleFor(r => r.Target).LessThan(r => r.Baseline).When(r => r.Direction == IndicatorDirection.Decrease)
                .WithMessage("An indicator that should decrease needs a target below its baseline.");
        });
    }

    /// <summary>Copies validated input onto the indicator.</summary>
    public static void Apply(IIndicatorInput input, Indicator indicator)
    {
        indicator.Code = ResultsApi.NormalizeCode(input.Code);
        indicator.Name = input.Name.Trim();
        indicator.Unit = input.Unit.Trim();
        indicator.Direction = input.Direction!.Value;
        indicator.Aggregation = input.Aggregation!.Value;
        indicator.Baseline = input.Baseline!.Value;
        indicator.Target = input.Target!.Value;
        indicator.Frequency = input.Frequency!.Value;
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
