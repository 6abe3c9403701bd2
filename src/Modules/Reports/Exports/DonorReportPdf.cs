using System.Globalization;
using System.Text;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Reports.Dashboards;
using Advocacy.Modules.Reports.DonorReports;

namespace Advocacy.Modules.Reports.Exports;

/// <summary>
/// A donor report as an A4 PDF: the title page and projects, the narrative, the key figures with two charts, the
/// tables, then the first <see cref="MaxActivities"/> activities. Text is set in DejaVu Sans, embedded, so Romanian,
/// Greek or Bulgarian text prints as written; numbers and dates are culture-invariant (1,234 and 2015-09-30).
/// </summary>
internal static class DonorReportPdf
{
    /// <summary>
    /// The activities listed at most. PdfPig keeps every page in memory until the end, and a report can hold a million
    /// activities: the XLSX and CSV exports list them all.
    /// </summary>
    public const int MaxActivities = 1_000;

    private const double TitleSize = 20;
    private const double HeadingSize = 14;
    private const double SubheadingSize = 11.5;
    private const double BodySize = 10;
    private const double TableSize = 8;
    private const double ActivityTableSize = 7.5;
    private const double ChartLabelSize = 7;

    /// <summary>The monthly chart's bars; no other shape has this colour, so a test can count the bars.</summary>
    public static readonly Rgb MonthBar = new(41, 98, 160);

    public static readonly Rgb AudienceBar = new(214, 118, 46);

    private static readonly Rgb Axis = new(60, 60, 60);
    private static readonly Rgb Grid = new(215, 215, 215);
    private static readonly Rgb FigureBox = new(240, 244, 248);
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(DonorReportContent content, IEnumerable<ActivityRow> activities, long activityCount, Stream output)
    {
        var pdf = new PdfLayout(content.Title);
        TitlePage(pdf, content);
        Narrative(pdf, content.Narrative);
        pdf.NewPage();
        pdf.Heading("Key figures", HeadingSize);
        TopLine(pdf, content.Totals);
        MonthlyChart(pdf, content.Monthly);
        AudienceChart(pdf, content.Reach);
        Tables(pdf, content);
        Activities(pdf, activities, activityCount);
        output.Write(pdf.Build(content.Title));
    }

    private static void TitlePage(PdfLayout pdf, DonorReportContent content)
    {
        pdf.Space(60);
        pdf.Paragraph(content.Title, TitleSize, isBold: true);
        pdf.Space(12);
        pdf.Paragraph($"Period: {Date(content.From)} – {Date(content.To)}", BodySize + 1);
        if (content.Donor is not null)
        {
            pdf.Paragraph($"Donor: {content.Donor}", BodySize + 1);
        }
        else
        {
            pdf.Paragraph($"Project: {string.Join("; ", content.Projects.Select(p => $"{p.Code} – {p.Name}"))}", BodySize + 1);
        }
        pdf.Paragraph($"Generated: {content.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Invariant)} UTC", BodySize + 1);
        pdf.Paragraph(content.FromApprovedPeriods
            ? "Figures from approved reporting periods."
            : "Some figures are not from approved reporting periods yet and may still change.", BodySize + 1);
        pdf.Space(24);

        pdf.Heading(content.Projects.Count == 1 ? "Project" : "Projects", SubheadingSize);
        Table(pdf, "No project.",
            [new("Code", 70), new("Name", 239), new("Countries", 80), new("Budget", 110, Numeric: true)],
            content.Projects.Select(p => Row(
                p.Code, p.Name, string.Join(", ", p.Countries),
                p.BudgetAmount is null ? "–" : $"{p.BudgetAmount.Value.ToString("N2", Invariant)} {p.BudgetCurrency}".TrimEnd())));
    }

    private static void Narrative(PdfLayout pdf, IReadOnlyList<NarrativeSection> sections)
    {
        if (sections.Count == 0)
        {
            return;
        }
        pdf.NewPage();
        foreach (var section in sections)
        {
            pdf.Heading(section.Heading, HeadingSize);
            if (!string.IsNullOrWhiteSpace(section.Body))
            {
                pdf.Paragraph(section.Body.Trim(), BodySize);
            }
            pdf.Space(BodySize);
        }
    }

    private static void TopLine(PdfLayout pdf, TopLine totals)
    {
        (string Label, int Value)[] figures =
        [
            ("Activities", totals.Activities),
            ("People reached", totals.Reach),
            ("Events held", totals.EventsHeld),
            ("Coalition activities", totals.CoalitionActivities),
        ];
        const double gap = 8, height = 52;
        var width = (pdf.Width - gap * (figures.Length - 1)) / figures.Length;
        var top = pdf.Reserve(height + 10);
        for (var i = 0; i < figures.Length; i++)
        {
            var x = pdf.Left + i * (width + gap);
            pdf.Fill(x, top - height, width, height, FigureBox);
            pdf.TextCentred(Number(figures[i].Value), x + width / 2, top - 26, 18, isBold: true);
            pdf.TextCentred(figures[i].Label, x + width / 2, top - 42, 8.5);
        }
    }

    /// <summary>Vertical bars, one a month, on a scale of round steps; a month without activity has no bar.</summary>
    private static void MonthlyChart(PdfLayout pdf, IReadOnlyList<MonthFigures> months)
    {
        pdf.Heading("Activities per month", SubheadingSize, keepWithNext: 200);
        if (months.Count == 0)
        {
            pdf.Paragraph("No activities in the period.", BodySize);
            return;
        }
        const double axisWidth = 34, plotHeight = 150;
        var top = pdf.Reserve(plotHeight + 44) - 16;
        var bottom = top - plotHeight;
        var left = pdf.Left + axisWidth;
        var width = pdf.Width - axisWidth;
        var (step, scale) = Scale(months.Max(m => m.Activities));

        for (var tick = 0; tick <= scale; tick += step)
        {
            var y = bottom + plotHeight * tick / scale;
            pdf.Line(left, y, left + width, y, Grid, 0.4);
            pdf.TextRight(Number(tick), left - 4, y - ChartLabelSize * 0.35, ChartLabelSize);
        }

        var slot = width / months.Count;
        // Every month is labelled when the labels fit; otherwise every second, third… month.
        var labelEvery = (int)Math.Ceiling((pdf.Measure("0000-00", ChartLabelSize) + 6) / slot);
        for (var i = 0; i < months.Count; i++)
        {
            var month = months[i];
            var centre = left + (i + 0.5) * slot;
            if (month.Activities > 0)
            {
                var height = plotHeight * month.Activities / scale;
                pdf.Fill(centre - slot * 0.35, bottom, slot * 0.7, height, MonthBar);
                if (pdf.Measure(Number(month.Activities), ChartLabelSize) < slot)
                {
                    pdf.TextCentred(Number(month.Activities), centre, bottom + height + 2, ChartLabelSize);
                }
            }
            if (i % labelEvery == 0)
            {
                pdf.TextCentred(month.Month, centre, bottom - ChartLabelSize - 4, ChartLabelSize);
            }
        }
        pdf.Line(left, bottom, left + width, bottom, Axis, 0.8);
        pdf.Line(left, bottom, left, top, Axis, 0.8);
        pdf.Text("Activities", pdf.Left, top + 8, ChartLabelSize, isBold: true);
        pdf.TextRight("Month", left + width, bottom - 2 * ChartLabelSize - 10, ChartLabelSize, isBold: true);
    }

    /// <summary>Horizontal bars of people reached, one an audience, all genders together.</summary>
    private static void AudienceChart(PdfLayout pdf, IReadOnlyList<ReachFigures> reach)
    {
        var audiences = Enum.GetValues<Audience>()
            .Select(a => (Label: Words(a), People: reach.Where(r => r.Audience == a).Sum(r => r.People)))
            .ToList();
        pdf.Heading("People reached by audience", SubheadingSize, keepWithNext: 110);
        var max = audiences.Max(a => a.People);
        if (max == 0)
        {
            pdf.Paragraph("No one reached in the period.", BodySize);
            return;
        }
        const double labelWidth = 90, rowHeight = 20, barHeight = 12;
        var barLeft = pdf.Left + labelWidth;
        var maxBar = pdf.Width - labelWidth - 60;
        var top = pdf.Reserve(audiences.Count * rowHeight + 12);
        for (var i = 0; i < audiences.Count; i++)
        {
            var (label, people) = audiences[i];
            var y = top - (i + 1) * rowHeight;
            pdf.Text(label, pdf.Left, y + 3, TableSize);
            var length = maxBar * people / max;
            if (people > 0)
            {
                pdf.Fill(barLeft, y, length, barHeight, AudienceBar);
            }
            pdf.Text(Number(people), barLeft + length + 4, y + 3, TableSize);
        }
        pdf.Line(barLeft, top - audiences.Count * rowHeight - 4, barLeft, top, Axis, 0.8);
    }

    private static void Tables(PdfLayout pdf, DonorReportContent content)
    {
        pdf.Heading("Activities by type", SubheadingSize);
        Table(pdf, "No activities in the period.",
            [new("Type", 299), new("Activities", 100, Numeric: true), new("People reached", 100, Numeric: true)],
            content.ActivitiesByType.Select(t => Row(Words(t.Type), Number(t.Activities), Number(t.Reach))));

        // Audiences down, genders across: the genders found, in the content's order ("Unknown" where not split).
        var genders = content.Reach.Select(r => r.Gender).Distinct().ToList();
        pdf.Heading("People reached by audience and gender", SubheadingSize);
        Table(pdf, "No one reached in the period.",
            [new("Audience", 150), .. genders.Select(g => new PdfColumn(g, 70, Numeric: true)), new("Total", 70, Numeric: true)],
            content.Reach.GroupBy(r => r.Audience).Select(a => Row(
                [Words(a.Key), .. genders.Select(g => Number(a.Where(r => r.Gender == g).Sum(r => r.People))), Number(a.Sum(r => r.People))])));

        pdf.Heading("Activities and reach by country", SubheadingSize);
        Table(pdf, "No activities in the period.",
            [new("Country", 299), new("Activities", 100, Numeric: true), new("People reached", 100, Numeric: true)],
            content.ReachByCountry.Select(c => Row(c.Country.Length == 0 ? "(no country)" : c.Country, Number(c.Activities), Number(c.Reach))));

        var codes = content.Projects.ToDictionary(p => p.ProjectId, p => p.Code);
        pdf.Heading("Indicators", SubheadingSize);
        Table(pdf, "No indicators.",
            [
                new("Project", 64), new("Code", 40), new("Indicator", 148), new("Unit", 55), new("Baseline", 48, Numeric: true),
                new("Target", 48, Numeric: true), new("Actual", 48, Numeric: true), new("Progress", 48, Numeric: true),
            ],
            content.Indicators.Select(i => Row(
                codes.GetValueOrDefault(i.ProjectId, ""), i.Code ?? "", i.Name, i.Unit, Number(i.Baseline), Number(i.Target),
                i.Actual is null ? "–" : Number(i.Actual.Value),
                i.Progress is null ? "–" : (i.Progress.Value * 100).ToString("0.#", Invariant) + "%")));

        pdf.Heading("Events", SubheadingSize);
        Table(pdf, "No events in the period.",
            [new("Date", 55), new("Project", 64), new("Event", 205), new("Place", 110), new("Participants", 65, Numeric: true)],
            content.Events.Select(e => Row(Date(e.Date), e.ProjectCode, e.Title, Place(e.Place, e.Country), Number(e.Participants))));

        pdf.Heading("Publications", SubheadingSize);
        Table(pdf, "No publications in the period.",
            [new("Published", 55), new("Title", 190), new("Type", 70), new("Languages", 90), new("Recommendations", 94, Numeric: true)],
            content.Publications.Select(p => Row(
                Date(p.PublishedOn), p.Link is null ? p.Title : $"{p.Title}\n{p.Link}", Words(p.Type), string.Join(", ", p.Languages),
                p.Recommendations == 0 ? "–" : $"{Number(p.Recommendations)} ({Number(p.RecommendationsImplemented)} implemented)")));
    }

    /// <summary>The first <see cref="MaxActivities"/> activities; the rest of <paramref name="activities"/> is never read.</summary>
    private static void Activities(PdfLayout pdf, IEnumerable<ActivityRow> activities, long activityCount)
    {
        pdf.NewPage();
        pdf.Heading("Activities", HeadingSize);
        const string columns = "People reached: children, professionals, policy makers, general public, total.";
        pdf.Paragraph(activityCount > MaxActivities
            ? $"The first {Number(MaxActivities)} of {Number(activityCount)} activities, oldest first. {columns}"
            : $"Oldest first. {columns}", TableSize);
        pdf.Space(4);
        // Widths in points: a date, a project code and a figure fit on one line; the place goes under the title.
        var listed = Table(pdf, "No activities in the period.",
            [
                new("Date", 50), new("Project", 62), new("Type", 64), new("Title and place", 153),
                new("Child.", 34, Numeric: true), new("Prof.", 34, Numeric: true), new("Policy", 34, Numeric: true),
                new("Public", 34, Numeric: true), new("Total", 34, Numeric: true),
            ],
            activities.Take(MaxActivities).Select(a => Row(
                Date(a.Date), a.ProjectCode, Words(a.Type), Place(a.Place, a.Country) is { Length: > 0 } place ? $"{a.Title}\n{place}" : a.Title,
                Number(a.Children), Number(a.Professionals), Number(a.PolicyMakers), Number(a.GeneralPublic), Number(a.TotalReach))),
            ActivityTableSize);
        if (activityCount > listed)
        {
            pdf.Paragraph($"… and {Number(activityCount - listed)} more activities: see the XLSX or CSV export", BodySize);
        }
    }

    private static int Table(PdfLayout pdf, string whenEmpty, PdfColumn[] columns, IEnumerable<IReadOnlyList<string>> rows, double size = TableSize)
    {
        var count = pdf.Table(columns, rows, size);
        if (count == 0)
        {
            pdf.Paragraph(whenEmpty, BodySize);
            pdf.Space(BodySize);
        }
        return count;
    }

    private static IReadOnlyList<string> Row(params string[] cells) => cells;

    /// <summary>A step of 1, 2 or 5 × 10ⁿ giving about four gridlines, and the top of the scale: a whole number of steps.</summary>
    private static (int Step, int Top) Scale(int max)
    {
        var rough = Math.Max(1, max) / 4.0;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = Math.Max(1, (int)(magnitude * (rough / magnitude <= 1 ? 1 : rough / magnitude <= 2 ? 2 : rough / magnitude <= 5 ? 5 : 10)));
        return (step, Math.Max(step, (int)Math.Ceiling(max / (double)step) * step));
    }

    private static string Place(string? place, string? country) =>
        string.Join(", ", new[] { place, country }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    private static string Number(long value) => value.ToString("N0", Invariant);

    private static string Number(decimal value) => value.ToString("#,##0.##", Invariant);

    /// <summary>An enum value in words: MeetingWithPolicyMakers is "Meeting with policy makers".</summary>
    private static string Words<T>(T value) where T : struct, Enum
    {
        var words = new StringBuilder();
        foreach (var c in value.ToString())
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }
        return words.ToString();
    }
}
