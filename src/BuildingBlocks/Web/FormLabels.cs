using Microsoft.Extensions.Localization;

namespace Advocacy.BuildingBlocks.Web;

/// <summary>
/// Names a request's properties as a form labels them, in the reader's language, for
/// <see cref="FormErrors.ValidateAsync{T}"/>'s <c>labelOf</c>: "'Titre' ne doit pas être vide."
/// </summary>
public static class FormLabels
{
    /// <summary>A lookup from a property name (any case) to its label's text; null for a property the form does not label.</summary>
    public static Func<string, string?> For(IStringLocalizer text, params (string Property, string Label)[] labels)
    {
        var byProperty = labels.ToDictionary(l => l.Property, l => l.Label, StringComparer.OrdinalIgnoreCase);
        return property => byProperty.TryGetValue(property, out var label) ? text[label].Value : null;
    }
}
