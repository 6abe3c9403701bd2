using System.Globalization;

namespace Advocacy.BuildingBlocks.Text;

/// <summary>A text in one of the platform's languages, stored beside the text in the default language.</summary>
public sealed class Translation
{
    /// <summary>"en", "fr" or "nl".</summary>
    public string Language { get; set; } = "";

    public string Text { get; set; } = "";
}

/// <summary>
/// Texts that may carry an English, French and Dutch version. The request's UI culture (set from
/// Accept-Language by the host's request localization) picks the version a response shows; a text
/// without that version shows its default.
/// </summary>
public static class Translations
{
    /// <summary>The languages texts may be written in.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "fr", "nl"];

    /// <summary>The version the current request asks for, else <paramref name="text"/> (the default).</summary>
    public static string Pick(string text, IReadOnlyList<Translation> translations) => PickOptional(text, translations)!;

    /// <summary>The same for an optional text: null only when there is neither a default nor the asked version.</summary>
    public static string? PickOptional(string? text, IReadOnlyList<Translation> translations)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return translations.FirstOrDefault(t => t.Language == language)?.Text ?? text;
    }

    /// <summary>The translations as the API carries them: language → text.</summary>
    public static Dictionary<string, string> ToMap(IReadOnlyList<Translation> translations) =>
        translations.ToDictionary(t => t.Language, t => t.Text);

    /// <summary>The API's map as stored, texts trimmed, blank ones dropped.</summary>
    public static List<Translation> FromMap(IReadOnlyDictionary<string, string>? map) =>
        (map ?? new Dictionary<string, string>())
            .Where(t => !string.IsNullOrWhiteSpace(t.Value))
            .Select(t => new Translation { Language = t.Key.Trim().ToLowerInvariant(), Text = t.Value.Trim() })
            .OrderBy(t => t.Language, StringComparer.Ordinal)
            .ToList();

    /// <summary>Why a map of translations is refused, or null: only en, fr and nl, each at most <paramref name="maxLength"/> long.</summary>
    public static string? Problem(IReadOnlyDictionary<string, string>? map, int maxLength)
    {
        if (map is null) return null;
        var unknown = map.Keys.Where(k => !Languages.Contains(k.Trim().ToLowerInvariant())).ToList();
        if (unknown.Count > 0) return SharedMessages.TranslationLanguages.With(string.Join(", ", unknown));
        if (map.Values.Any(v => v?.Trim().Length > maxLength)) return SharedMessages.TranslationTooLong.With(maxLength);
        return null;
    }
}
