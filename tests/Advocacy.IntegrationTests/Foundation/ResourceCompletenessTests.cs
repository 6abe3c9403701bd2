using System.Text.RegularExpressions;
using System.Xml.Linq;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Foundation;

/// <summary>
/// Every text of every resource set (page texts, validation messages, country names) exists in French and
/// Dutch, keeps the numbered holes ({0}) and FluentValidation placeholders ({PropertyValue}) of its English,
/// and no translation is left without its English.
/// </summary>
public sealed partial class ResourceCompletenessTests
{
    public static TheoryData<string> NeutralResourceFiles() => new(NeutralFiles());

    // The English (neutral) file of each resource set, relative to the repository: UiText.resx, not UiText.fr.resx.
    private static IEnumerable<string> NeutralFiles() =>
        Directory.EnumerateFiles(Path.Combine(Repository.Root(), "src"), "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && Path.GetFileNameWithoutExtension(f).IndexOf('.') < 0)
            .Select(f => Path.GetRelativePath(Repository.Root(), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void The_validation_messages_of_every_module_are_among_the_resources()
    {
        var files = NeutralFiles().ToList();
        Assert.Contains("src/BuildingBlocks/Text/SharedMessages.resx", files);
        Assert.Contains("src/Host/ValidationMessages.resx", files);
        foreach (var module in new[] { "Projects", "Events", "Coalitions", "Reports" })
        {
            Assert.Contains($"src/Modules/{module}/ValidationMessages.resx", files);
        }
    }

    [Theory]
    [MemberData(nameof(NeutralResourceFiles))]
    public void Every_text_has_a_French_and_a_Dutch_version_with_the_same_placeholders(string neutral)
    {
        var english = Texts(Path.Combine(Repository.Root(), neutral));
        foreach (var language in new[] { "fr", "nl" })
        {
            var path = Path.Combine(Repository.Root(), Path.ChangeExtension(neutral, $".{language}.resx"));
            Assert.True(File.Exists(path), $"{neutral} has no {language} version.");
            var translated = Texts(path);
            Assert.Empty(english.Keys.Except(translated.Keys).Select(key => $"{language} lacks '{key}'"));
            Assert.Empty(translated.Keys.Except(english.Keys).Select(key => $"{language} has '{key}', which the English lacks"));
            Assert.Empty(translated.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => $"{language} '{t.Key}' is empty"));
            Assert.Empty(english
                .Where(t => !Placeholders(t.Value).SetEquals(Placeholders(translated[t.Key])))
                .Select(t => $"{language} '{t.Key}' has other placeholders than its English: {translated[t.Key]}"));
        }
    }

    private static Dictionary<string, string> Texts(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    // {0}, {1:yyyy-MM-dd}, {PropertyValue}: the hole, without its format.
    [GeneratedRegex(@"\{([A-Za-z0-9]+)(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
