using Microsoft.AspNetCore.Mvc.Rendering;

namespace Advocacy.BuildingBlocks.Web;

/// <summary>
/// A list of checkboxes posting <paramref name="Name"/> once per ticked item (e.g. linked projects, attendees),
/// rendered by the host's <c>_Checkboxes</c> partial; each box gets the id "<paramref name="IdPrefix"/>-n".
/// </summary>
public sealed record CheckboxGroup(string Name, string IdPrefix, IReadOnlyList<SelectListItem> Items)
{
    /// <summary>The items with those whose value is in <paramref name="selected"/> ticked.</summary>
    public static CheckboxGroup Of<T>(string name, string idPrefix, IEnumerable<SelectListItem> items, IEnumerable<T> selected)
    {
        var ticked = selected.Select(s => s?.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new CheckboxGroup(name, idPrefix, items
            .Select(i => new SelectListItem(i.Text, i.Value, ticked.Contains(i.Value)))
            .ToList());
    }
}
