using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Reports.Contracts;
using Advocacy.Modules.Reports.Publications;

namespace Advocacy.Modules.Reports.Areas.Reports.Pages.Publications;

/// <summary>A publication's form: its title in the default language and in French and Dutch, and what the request takes.</summary>
internal sealed class PublicationForm
{
    public string? Title { get; set; }

    public string? TitleFr { get; set; }

    public string? TitleNl { get; set; }

    public PublicationType? Type { get; set; }

    public string? Description { get; set; }

    /// <summary>Language tags separated by commas or spaces, e.g. "en, fr, nl".</summary>
    public string? Languages { get; set; }

    public string? Link { get; set; }

    public List<Guid> ProjectIds { get; set; } = [];

    public uint? Version { get; set; }

    public PublicationRequest ToRequest() => new(
        Title ?? "", Type, Description,
        (Languages ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        string.IsNullOrWhiteSpace(Link) ? null : Link.Trim(), ProjectIds, Version,
        new Dictionary<string, string> { ["fr"] = TitleFr ?? "", ["nl"] = TitleNl ?? "" });

    /// <summary>The form of a stored publication: its default title as stored, not the reader's language's.</summary>
    public static PublicationForm Of(Publication p) => new()
    {
        Title = p.Title,
        TitleFr = p.TitleTranslations.FirstOrDefault(t => t.Language == "fr")?.Text,
        TitleNl = p.TitleTranslations.FirstOrDefault(t => t.Language == "nl")?.Text,
        Type = p.Type, Description = p.Description, Languages = string.Join(", ", p.Languages), Link = p.Link,
        ProjectIds = p.ProjectIds.ToList(), Version = p.Version,
    };

    /// <summary>The request's error keys on the form's fields: the translations' problem goes on the French title.</summary>
    public static string FormKey(string key) => key switch
    {
        "titleTranslations" => nameof(TitleFr),
        _ => key,
    };
}
