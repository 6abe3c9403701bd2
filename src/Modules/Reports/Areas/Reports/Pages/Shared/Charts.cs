using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Advocacy.Modules.Reports.Areas.Reports.Pages.Shared;

/// <summary>One bar of a chart: what it stands for, its value, and the value as the reader reads it.</summary>
internal sealed record ChartBar(string Label, decimal Value, string Shown);

/// <summary>
/// A chart drawn on the server as inline SVG (no script, no chart library): horizontal bars, or columns
/// over time. The SVG is an image named by its title and description; the same figures follow as a
/// table for screen readers (visually hidden unless the page shows its own table).
/// </summary>
internal sealed record Chart(
    string Id, string Title, string Description, string LabelHeader, string ValueHeader, IReadOnlyList<ChartBar> Bars)
{
    /// <summary>A value every bar is measured against (an indicator's target, as 100 %), drawn as a line.</summary>
    public decimal? Target { get; init; }

    public string? TargetLabel { get; init; }

    /// <summary>False when the page already shows the figures in a visible table.</summary>
    public bool HiddenTable { get; init; } = true;

    // Drawn at their natural size (shrunk only on narrow screens), so their text stays as large as the page's.
    public const double BarsWidth = 520;
    public const double Width = 720;
    public const double RowHeight = 30;
    public const double LabelWidth = 240;
    public const double ValueWidth = 70;
    public const double PlotWidth = BarsWidth - LabelWidth - ValueWidth - 16;
    public const double ColumnHeight = 200;
    public const double AxisWidth = 48;
    public const double AxisHeight = 34;

    public decimal Max => Math.Max(Target ?? 0, Bars.Count == 0 ? 0 : Bars.Max(b => b.Value));

    /// <summary>The length, out of <paramref name="full"/>, of a bar of <paramref name="value"/>.</summary>
    public double Scale(decimal value, double full) => Max <= 0 ? 0 : (double)(Math.Max(0, value) / Max) * full;

    public double BarsHeight => Bars.Count * RowHeight + 8;

    public double ColumnSlot => (Width - AxisWidth) / Math.Max(1, Bars.Count);

    /// <summary>Every how many columns a label fits under the axis (about a dozen labels at most).</summary>
    public int LabelEvery => Math.Max(1, (int)Math.Ceiling(Bars.Count / 12.0));

    /// <summary>A label short enough for the space beside a bar; the table keeps the whole label.</summary>
    public static string Fit(string label, int characters = 30) => label.Length <= characters ? label : label[..(characters - 1)].TrimEnd() + "…";

    /// <summary>SVG coordinates are written invariantly, whatever the reader's culture.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>"2015-09" as the reader's language writes a month, e.g. "Sep 2015", "sept. 2015".</summary>
    public static string Month(string month) =>
        DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>An SVG &lt;text&gt; element (Razor keeps the tag name &lt;text&gt; for itself), its content encoded.</summary>
    public static IHtmlContent Text(double x, double y, string content, string cssClass, string anchor = "start") =>
        new HtmlString($"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" class=\"{cssClass}\">{HtmlEncoder.Default.Encode(content)}</text>");
}
