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
}
