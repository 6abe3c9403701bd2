using Advocacy.Modules.Reports.Dashboards;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Reports.Areas.Reports;

/// <summary>The Reports pages' texts: ReportsText.resx in English, .fr and .nl beside it.</summary>
internal sealed class ReportsText;

/// <summary>Values of the API's enums and camelCase keys in the reader's language (resource key "Group.camelValue").</summary>
internal static class ReportsLabels
{
    /// <summary>A key as the dashboards give it ("awarenessCampaign") in a group ("ActivityType").</summary>
    public static string Label(this IStringLocalizer<ReportsText> text, string group, string key) => text[$"{group}.{key}"];

    /// <summary>An enum value, e.g. <c>ActivityType.Training</c> as "ActivityType.training".</summary>
    public static string Label<T>(this IStringLocalizer<ReportsText> text, T value) where T : struct, Enum =>
        text.Label(typeof(T).Name, DashboardQueries.Camel(value.ToString()));

    /// <summary>A request property as the Reports forms label it, so a validator's message names the label the reader sees.</summary>
    public static string? FieldLabel(this IStringLocalizer<ReportsText> text, string property) => property switch
    {
        "title" => text["Title"].Value,
        "from" => text["From"].Value,
        "to" => text["To"].Value,
        "heading" => text["Heading"].Value,
        "body" => text["Text"].Value,
        "type" => text["Type"].Value,
        "description" => text["Description"].Value,
        "link" => text["Link"].Value,
        "publishedOn" => text["Published on"].Value,
        "text" => text["Recommendation"].Value,
        "addressedTo" => text["Addressed to"].Value,
        "status" => text["New status"].Value,
        "changedOn" => text["On"].Value,
        "evidence" => text["Evidence"].Value,
        _ => null,
    };
}
