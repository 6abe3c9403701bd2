using FluentValidation;

namespace Advocacy.Modules.Projects.Results;

/// <summary>The figure rules the results framework's validators share.</summary>
internal static class ResultsRules
{
    /// <summary>The largest figure a baseline, target or measurement may hold (the columns are numeric(18,4)).</summary>
    public const decimal Limit = 1_000_000_000_000m;

    /// <summary>Codes such as "O1" or "1.1": letters and digits, with '.', '-' or '_' between.</summary>
    public const string CodePattern = "^[A-Za-z0-9][A-Za-z0-9._-]*$";

    /// <summary>The description columns' length, as mapped in ProjectsDbContext.</summary>
    public const int DescriptionMaxLength = 4000;

    /// <summary>A required figure within ±<see cref="Limit"/>, with at most 4 decimals: a baseline or a target.</summary>
    public static IRuleBuilderOptions<T, decimal?> Figure<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.NotNull()
            .InclusiveBetween(-Limit, Limit)
            .PrecisionScale(18, 4, ignoreTrailingZeros: true).WithMessage(_ => ValidationMessages.AtMostFourDecimals);

    /// <summary>A required measured value: not negative, at most <see cref="Limit"/>, with at most 4 decimals.</summary>
    public static IRuleBuilderOptions<T, decimal?> MeasuredValue<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.NotNull()
            .GreaterThanOrEqualTo(0).WithMessage(_ => ValidationMessages.MeasuredValueNegative)
            .LessThanOrEqualTo(Limit)
            .PrecisionScale(18, 4, ignoreTrailingZeros: true).WithMessage(_ => ValidationMessages.AtMostFourDecimals);

    /// <summary>A short reference code, unique within the project.</summary>
    public static IRuleBuilderOptions<T, string> Code<T>(this IRuleBuilder<T, string> rule, int maxLength) =>
        rule.NotEmpty()
            .MaximumLength(maxLength)
            .Matches(CodePattern).WithMessage(_ => ValidationMessages.ResultsCodeCharacters);
}
