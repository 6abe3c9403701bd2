using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Reports.Dashboards;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Reports.Areas.Reports.Pages.Shared;

/// <summary>The charts more than one page draws (dashboards and donor reports), with their texts.</summary>
internal static class ReportCharts
{
    /// <summary>Activities per month, as columns.</summary>
    public static Chart Monthly(IStringLocalizer<ReportsText> text, IEnumerable<MonthFigures> months)
    {
        var bars = months.Select(m => new ChartBar(Chart.Month(m.Month), m.Activities, Display.Number(m.Activities))).ToList();
        return new Chart("chart-monthly", text["Activities per month"], Describe(text, bars), text["Month"], text["Activities"], bars);
    }

    /// <summary>A chart's description: its total and its largest bar; the table gives the rest.</summary>
    public static string Describe(IStringLocalizer<ReportsText> text, IReadOnlyList<ChartBar> bars)
    {
        if (bars.Count == 0) return text["No figures in this period."];
        var top = bars.MaxBy(b => b.Value)!;
        return text["{0} in all; the most: {1} ({2}). The table below gives every figure.",
            Display.Number((int)bars.Sum(b => b.Value)), top.Label, top.Shown];
    }
}
