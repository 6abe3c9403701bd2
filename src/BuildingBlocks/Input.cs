namespace Advocacy.BuildingBlocks;

/// <summary>Small rules every module's input handling shares.</summary>
public static class Input
{
    /// <summary>Optional text as stored: null when blank, else trimmed.</summary>
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Today, by the UTC calendar.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
