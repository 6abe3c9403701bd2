namespace Advocacy.BuildingBlocks.Http;

/// <summary>
/// Reads an enum from a query string as the JSON spells it ("training", "policyMakers"): minimal APIs
/// would bind only the exact C# name.
/// </summary>
public static class QueryEnum
{
    /// <summary>
    /// Null when <paramref name="value"/> is empty; the enum value when it names one (any case);
    /// otherwise adds an error for <paramref name="field"/> listing the accepted values.
    /// </summary>
    public static TEnum? Parse<TEnum>(string? value, string field, Dictionary<string, string[]> errors) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(value.Trim()[0]))
        {
            return parsed;
        }
        errors[field] = [$"'{value}' is not one of: {string.Join(", ", Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}."];
        return null;
    }
}
