using System.Globalization;

namespace Advocacy.BuildingBlocks.Reference;

/// <summary>Language tags (BCP 47: "fr", "ps", "pcm" for Nigerian Pidgin) the platform's ICU data knows.</summary>
public static class Languages
{
    /// <summary>Whether <paramref name="tag"/> names a known language or culture.</summary>
    public static bool IsKnown(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag) || tag.Length > 20)
        {
            return false;
        }
        try
        {
            return CultureInfo.GetCultureInfo(tag, predefinedOnly: true).Name.Length > 0;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
