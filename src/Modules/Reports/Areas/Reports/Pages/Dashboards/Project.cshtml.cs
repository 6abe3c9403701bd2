using System.Globalization;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Reports.Areas.Reports.Pages.Shared;
using Advocacy.Modules.Reports.Dashboards;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.Indicators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Reports.Areas.Reports.Pages.Dashboards;

/// <summary>One project's dashboard: the endpoint's figures for a period, its indicators against their targets.</summary>
[Authorize(Policy = Policies.Read)]
internal sealed class ProjectModel(ReportsDbContext db, IStringLocalizer<ReportsText> text, TimeProvider clock) : DashboardPage(text, clock)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ProjectDashboard? Dashboard { get; private set; }

    /// <summary>The project's code and name, shown even when the period is refused.</summary>
    public string? Name { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            var project = (await ProjectSummaries.ListProjectSummariesEndpoint.Get(Id, db, cancellationToken)).Value!;
            Name = $"{project.Code} – {project.Name}";
            if (!ModelState.IsValid)
            {
                return Page();
            }
            Dashboard = Answer(await GetProjectDashboardEndpoint.Handle(Id, db, Clock, cancellationToken, From, To));
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        if (Dashboard is { } d)
        {
            Figures = new DashboardFigures(d.TopLine, d.Monthly, d.ActivitiesByType, d.ReachByAudience, d.Recommendations, d.UpcomingEvents, d.Advocacy);
        }
        return Page();
    }

    /// <summary>Each indicator's progress from baseline to target, as bars against a 100 % line.</summary>
    public Chart IndicatorChart(IReadOnlyList<IndicatorFigures> indicators) => new(
        "chart-indicators", Text["Progress towards target"],
        Text["Each bar is an indicator's progress from its baseline to its target; the line marks the target. The table gives every figure."],
        Text["Indicator"], Text["Progress"],
        indicators.Select(i => new ChartBar(
            IndicatorName(i), Math.Max(0, (i.Progress ?? 0) * 100), i.Progress is { } p ? Percent(p) : Text["not measured"])).ToList())
    {
        Target = 100,
        TargetLabel = Text["The line marks the target (100 %)."],
        HiddenTable = false,
    };

    public static string IndicatorName(IndicatorFigures indicator) =>
        indicator.Code is null ? indicator.Name : $"{indicator.Code} {indicator.Name}";

    public static string Percent(decimal fraction) => fraction.ToString("P0", CultureInfo.CurrentCulture);

    public static string Decimal(decimal value) => value.ToString("#,##0.##", CultureInfo.CurrentCulture);
}
