using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Advocacy.BuildingBlocks.Web;

/// <summary>
/// Ties a form field to its error message for screen readers: a field with an error gets
/// <c>aria-invalid="true"</c> and <c>aria-describedby</c> pointing at the message, whose id
/// <see cref="FieldErrorTagHelper"/> sets. Pages add it with <c>@addTagHelper *, Advocacy.BuildingBlocks</c>.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class AccessibleFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    // After the framework's tag helpers, which set the id.
    public override int Order => 100;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            var described = output.Attributes["aria-describedby"]?.Value?.ToString();
            var error = FieldErrorTagHelper.IdFor(ViewContext, name);
            output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(described) ? error : $"{described} {error}");
        }
    }
}

/// <summary>Gives a field's error message (<c>asp-validation-for</c>) the id its field points at.</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class FieldErrorTagHelper : TagHelper
{
    [HtmlAttributeName("asp-validation-for")]
    public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.ContainsName("id"))
        {
            output.Attributes.SetAttribute("id", IdFor(ViewContext, ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name)));
        }
    }

    /// <summary>The id of the error message of the field named <paramref name="fullName"/> (ids replace dots with "_", the default).</summary>
    public static string IdFor(ViewContext viewContext, string fullName) =>
        TagBuilder.CreateSanitizedId(fullName, "_") + "-error";
}
