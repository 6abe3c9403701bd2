using System.Globalization;
using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Reports.Advocacy;
using Advocacy.Modules.Reports.Areas.Reports.Pages.Shared;
using Advocacy.Modules.Reports.Dashboards;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Reports.Areas.Reports.Pages.Dashboards;

/// <summary>What both dashboards show beyond their own parts, as the endpoints answer it.</summary>
internal sealed record DashboardFigures(
    TopLine TopLine, List<MonthFigures> Monthly, Dictionary<string, int> ActivitiesByType, Dictionary<string, int> ReachByAudience,
    RecommendationsSummary Recommendations, List<UpcomingEvent> UpcomingEvents, AdvocacyFigures Advocacy);

/// <summary>
/// What the organisation's and a project's dashboards share: the period filter (a GET form) and the charts of
/// the figures the dashboard endpoints compute. The pages call the endpoints' handlers, which use the read
/// model's aggregates, so they stay as fast as the API whatever the number of activities.
/// </summary>
internal abstract class DashboardPage(IStringLocalizer<ReportsText> text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public DashboardFigures? Figures { get; protected set; }

    protected IStringLocalizer<ReportsText> Text => text;

    protected TimeProvider Clock => clock;

    public DateOnly Today => clock.Today();

    /// <summary>The top-line figures, in order: a page may add its own first.</summary>
    public virtual IEnumerable<(string Label, int Value)> TopFigures(DashboardFigures figures) =>
    [
        (text["Activities"], figures.TopLine.Activities),
        (text["People reached"], figures.TopLine.Reach),
        (text["Events held"], figures.TopLine.EventsHeld),
        (text["Coalition activities"], figures.TopLine.CoalitionActivities),
    ];

    /// <summary>The handler's figures, or null when it refused the period (running backwards): its errors go on the form.</summary>
    protected T? Answer<T>(Results<Ok<T>, ValidationProblem> result) where T : class
    {
        if (FormErrors.Of(result) is { } errors)
        {
            FormErrors.Add(ModelState, errors, "");
        }
        return (result.Result as Ok<T>)?.Value;
    }

    /// <summary>A date as a date field holds it (yyyy-MM-dd, whatever the language).</summary>
    public string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"true" when the field has an error (for aria-invalid), else null (no attribute).</summary>
    public string? Invalid(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? "true" : null;

    /// <summary>The quick choices of period: this year, the last 12 months, everything.</summary>
    public IEnumerable<(string Text, string Query)> QuickPeriods()
    {
        var today = Today;
        yield return (text["This year"], Query(new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)));
        yield return (text["Last 12 months"], Query(today.AddYears(-1).AddDays(1), today));
        yield return (text["All time"], "");
    }

    private static string Query(DateOnly from, DateOnly to) =>
        $"?from={from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>The period shown, in words.</summary>
    public string PeriodText => (From, To) switch
    {
        (null, null) => text["All recorded work"],
        ({ } from, null) => text["From {0}", Display.Date(from)],
        (null, { } to) => text["Up to {0}", Display.Date(to)],
        ({ } from, { } to) => text["{0} to {1}", Display.Date(from), Display.Date(to)],
    };

    public Chart MonthlyChart(DashboardFigures figures) => ReportCharts.Monthly(text, figures.Monthly);

    public Chart CountChart(string id, string title, string group, string valueHeader, IReadOnlyDictionary<string, int> counts, IEnumerable<string>? order = null)
    {
        var keys = order?.Where(counts.ContainsKey).ToList() ?? counts.OrderByDescending(c => c.Value).Select(c => c.Key).ToList();
        var bars = keys.Select(k => new ChartBar(text.Label(group, k), counts[k], Display.Number(counts[k]))).ToList();
        return new Chart(id, title, ReportCharts.Describe(text, bars), text["Category"], valueHeader, bars);
    }

    /// <summary>The camelCase keys of an enum, in its declared order (charts keep a stable order).</summary>
    public static IEnumerable<string> Order<T>() where T : struct, Enum => Enum.GetNames<T>().Select(DashboardQueries.Camel);
}
