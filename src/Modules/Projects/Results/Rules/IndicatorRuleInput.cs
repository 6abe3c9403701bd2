using Advocacy.Modules.Projects.Contracts;
using FluentValidation;

namespace Advocacy.Modules.Projects.Results.Rules;

/// <summary>
/// The rule of an indicator that counts itself, as staff define it: what to count, with optional filters,
/// over periods of a month, a quarter or a year from the project's start. <c>StakeholderKinds</c> keeps the
/// activities whose outcome addressed a stakeholder of those kinds (for the commitment kinds, the commitments
/// made by one).
/// </summary>
internal sealed record IndicatorRuleInput(
    IndicatorRuleKind? Kind,
    RulePeriodLength? PeriodLength,
    List<ActivityType>? ActivityTypes = null,
    List<Audience>? Audiences = null,
    List<Gender>? Genders = null,
    List<StakeholderKind>? StakeholderKinds = null)
{
    /// <summary>
    /// The rule to store. Periods run from <paramref name="periodsFrom"/>: the project's start for a new rule,
    /// the rule's own start for a changed one, so periods already measured keep their bounds.
    /// </summary>
    public IndicatorRule ToRule(DateOnly periodsFrom) => new()
    {
        Kind = Kind!.Value,
        PeriodLength = PeriodLength!.Value,
        ActivityTypes = (ActivityTypes ?? []).Distinct().Order().ToList(),
        Audiences = (Audiences ?? []).Distinct().Order().ToList(),
        Genders = (Genders ?? []).Distinct().Order().ToList(),
        StakeholderKinds = (StakeholderKinds ?? []).Distinct().Order().ToList(),
        PeriodsFrom = periodsFrom,
    };
}

internal sealed class IndicatorRuleInputValidator : AbstractValidator<IndicatorRuleInput>
{
    public IndicatorRuleInputValidator()
    {
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.PeriodLength).NotNull().IsInEnum()
            .WithMessage(_ => ValidationMessages.RulePeriodLength);
        RuleForEach(r => r.ActivityTypes).IsInEnum();
        RuleForEach(r => r.Audiences).IsInEnum();
        RuleForEach(r => r.Genders).IsInEnum();
        RuleForEach(r => r.StakeholderKinds).IsInEnum();
        RuleFor(r => r.Audiences).Empty().When(r => r.Kind != IndicatorRuleKind.ReachSum)
            .WithMessage(_ => ValidationMessages.OnlyReachSumByAudience);
        RuleFor(r => r.Genders).Empty().When(r => r.Kind != IndicatorRuleKind.ReachSum)
            .WithMessage(_ => ValidationMessages.OnlyReachSumByGender);
    }
}

/// <summary>A rule as the API returns it.</summary>
internal sealed record IndicatorRuleResponse(
    IndicatorRuleKind Kind,
    RulePeriodLength PeriodLength,
    DateOnly PeriodsFrom,
    List<ActivityType> ActivityTypes,
    List<Audience> Audiences,
    List<Gender> Genders,
    List<StakeholderKind> StakeholderKinds)
{
    public static IndicatorRuleResponse? From(IndicatorRule? rule) => rule is null
        ? null
        : new(rule.Kind, rule.PeriodLength, rule.PeriodsFrom, rule.ActivityTypes.ToList(), rule.Audiences.ToList(), rule.Genders.ToList(),
            rule.StakeholderKinds.ToList());
}
