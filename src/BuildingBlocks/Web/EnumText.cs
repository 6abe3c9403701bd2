using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Advocacy.BuildingBlocks.Web;

/// <summary>Enum values in the reader's language: each module's resources hold a key "Type.Value" per value.</summary>
public static class EnumText
{
    /// <summary>The value's text, e.g. key "EventKind.Training".</summary>
    public static string Label<T>(this IStringLocalizer text, T value) where T : struct, Enum => text[$"{typeof(T).Name}.{value}"];

    /// <summary>The enum's values as choices of a select, in declaration order.</summary>
    public static IReadOnlyList<SelectListItem> Choices<T>(this IStringLocalizer text) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(text.Label(v), v.ToString())).ToList();
}
