using System.Globalization;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Reports.Contracts;
using Advocacy.Modules.Reports.Dashboards;
using Advocacy.Modules.Reports.DonorReports;
using Advocacy.Modules.Reports.Exports;
using Advocacy.Modules.Reports.Indicators;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Advocacy.IntegrationTests.Reports;

/// <summary>
/// The donor report's PDF, rendered from content built by hand after the seed texts (no database) and read back
/// with PdfPig. Text is compared without whitespace: the PDF places lines and cells, it has no spaces between them.
/// </summary>
public sealed class DonorReportPdfTests
{
    private const string Title = "Raport anual către donator: protecția copiilor și a minorilor neînsoțiți";

    private static readonly Guid React = Guid.NewGuid();
    private static readonly Guid Golondrina = Guid.NewGuid();

    private static readonly (string Month, int Activities)[] Months =
        [("2015-01", 3), ("2015-02", 0), ("2015-03", 5), ("2015-04", 2), ("2015-05", 0), ("2015-06", 8), ("2015-07", 1), ("2015-08", 4)];

    private static readonly NarrativeSection[] Sections =
    [
        new() { Heading = "Résumé exécutif", Body = "L'équipe a renforcé la protection des mineurs étrangers non accompagnés : tuteurs, avocats et "
            + "médecins connaissent mieux leurs droits.\n\nLe rapport « Better support, better protection » a été présenté au Conseil de l'Europe." },
        new() { Heading = "Activități în România", Body = "Ateliere de conștientizare cu beneficiarele ACSIS din București: mamele singure au "
            + "învățat despre realitățile traficului de persoane." },
        new() { Heading = "Languages", Body = "The leaflet and the video exist in 13 languages, among them Ελληνικά and български." },
    ];

    private static readonly IndicatorFigures[] Indicators =
    [
        new(Guid.NewGuid(), React, "R1.1", "Unaccompanied foreign minors informed of their rights", "children",
            IndicatorDirection.Increase, IndicatorAggregation.Cumulative, 0m, 1500m, 1200m, 0.8m),
        new(Guid.NewGuid(), React, "R2.1", "States Parties reached by the European report", "states",
            IndicatorDirection.Increase, IndicatorAggregation.Latest, 0m, 47m, 47m, 1m),
        new(Guid.NewGuid(), Golondrina, "G1.2", "Teachers sensitised in Santafe, Candelaria and San Cristobal", "teachers",
            IndicatorDirection.Increase, IndicatorAggregation.Cumulative, 20m, 380m, 245.5m, 0.6264m),
    ];

    [Fact]
    public void The_pdf_shows_the_title_period_narrative_figures_and_indicators_with_romanian_french_greek_and_bulgarian_intact()
    {
        using var pdf = Render(Content(Sections), Activities(3, _ => { }), 3);
        var text = Squeezed(pdf);

        Assert.Equal(Title, pdf.Information.Title);
        Assert.Contains(Squeeze(Title), Squeeze(Page(pdf, 1)));
        Assert.Contains("Period:2015-01-01–2015-12-31", Squeeze(Page(pdf, 1)));
        Assert.Contains("Donor:EuropeanCommission", Squeeze(Page(pdf, 1)));
        Assert.Contains("Generated:2026-01-1509:30UTC", Squeeze(Page(pdf, 1)));
        Assert.Contains("REACTReACT:rightsofunaccompaniedforeignminorsBE250,000.00EUR", Squeeze(Page(pdf, 1)));
        foreach (var section in Sections)
        {
            Assert.Contains(Squeeze(section.Heading), text);
            Assert.Contains(Squeeze(section.Body), text);
        }
        var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text.Trim(':', ',', '.')).ToHashSet();
        Assert.Superset(new HashSet<string> { "protecția", "și", "București", "conștientizare", "Résumé", "exécutif", "L'équipe", "étrangers", "accompagnés", "présenté", "Ελληνικά", "български" }, words);

        var figures = Squeeze(pdf.GetPages().Single(p => p.Text.Contains("Key figures")).Text);
        Assert.Contains("23Activities4,785Peoplereached3Eventsheld5Coalitionactivities", figures);

        foreach (var i in Indicators)
        {
            // One row: code, name, unit, baseline, target, actual, progress.
            var row = string.Create(CultureInfo.InvariantCulture,
                $"{i.Code}{i.Name}{i.Unit}{i.Baseline:#,##0.##}{i.Target:#,##0.##}{i.Actual:#,##0.##}{i.Progress * 100:0.#}%");
            Assert.Contains(Squeeze(row), text);
        }
        Assert.Contains("2015-03-01Bettersupport,betterprotection", text);
        Assert.Contains(Squeeze("2015-03-02 REACT Presentation of \"Better support, better protection\" to the Council of Europe Strasbourg, FR 47"), text);
        Assert.DoesNotContain("moreactivities", text);
    }

    [Fact]
    public void The_monthly_chart_has_a_bar_for_each_month_with_activity_in_proportion_and_a_label_for_each_month()
    {
        using var pdf = Render(Content(Sections), Activities(3, _ => { }), 3);
        var page = pdf.GetPages().Single(p => p.Text.Contains("Activities per month"));

        foreach (var (month, _) in Months)
        {
            Assert.Contains(month, page.Text);
        }
        var bars = page.Paths.Where(p => p.IsFilled && Is(p.FillColor, DonorReportPdf.MonthBar))
            .Select(p => p.GetBoundingRectangle()!.Value).OrderBy(r => r.Left).ToList();
        var withActivity = Months.Where(m => m.Activities > 0).ToList();
        Assert.Equal(withActivity.Count, bars.Count);
        for (var i = 0; i < bars.Count; i++)
        {
            Assert.Equal(withActivity[i].Activities / 8.0, bars[i].Height / bars.Max(b => b.Height), 3);
        }
        // The reach chart: one bar an audience with people reached (policy makers reached no one here).
        Assert.Equal(3, page.Paths.Count(p => p.IsFilled && Is(p.FillColor, DonorReportPdf.AudienceBar)));
        Assert.Contains("Generalpublic2,000", Squeeze(page.Text));
    }

    [Fact]
    public void The_activity_list_stops_at_1000_rows_reads_no_further_and_points_to_the_full_exports()
    {
        var read = 0;
        using var pdf = Render(Content(Sections), Activities(1_000_000, _ => read++), 1_000_000);
        var text = Squeezed(pdf);

        Assert.Equal(1_000, read);
        Assert.Contains("beneficiariesno.1000", text);
        Assert.DoesNotContain("beneficiariesno.1001", text);
        Assert.Equal(1_000, CountOf(text, "WorkshopwithACSISbeneficiariesno."));
        Assert.Contains(Squeeze("… and 999,000 more activities: see the XLSX or CSV export"), text);
        // Every page of the list repeats the header row.
        var listPages = pdf.GetPages().Where(p => Squeeze(p.Text).Contains("ACSISbeneficiariesno.")).ToList();
        Assert.True(listPages.Count > 10, $"{listPages.Count} pages of activities");
        Assert.All(listPages, p => Assert.Contains("DateProjectTypeTitleandplaceChild.Prof.PolicyPublicTotal", Squeeze(p.Text)));
    }

    [Fact]
    public void A_long_narrative_takes_more_pages_and_loses_no_word()
    {
        var sentences = Enumerable.Range(1, 600).Select(i => $"Sentence {i} of the narrative on guardians, lawyers and the protection of children.");
        NarrativeSection[] longer = [.. Sections, new() { Heading = "Detailed account", Body = string.Join(" ", sentences) }];

        using var shortPdf = Render(Content(Sections), Activities(3, _ => { }), 3);
        using var longPdf = Render(Content(longer), Activities(3, _ => { }), 3);

        Assert.True(longPdf.NumberOfPages >= shortPdf.NumberOfPages + 5, $"{longPdf.NumberOfPages} pages against {shortPdf.NumberOfPages}");
        var body = string.Concat(longPdf.GetPages().Select(WithoutFooter));
        Assert.Contains(Squeeze(string.Join(" ", sentences)), body);
        Assert.Contains($"Page{longPdf.NumberOfPages}of{longPdf.NumberOfPages}", Squeeze(Page(longPdf, longPdf.NumberOfPages)));
    }

    [Fact]
    public void Text_with_more_than_255_distinct_characters_and_characters_the_font_lacks_still_renders()
    {
        // PdfPig's simple TrueType font holds 255 characters: Latin Extended-A, Greek and Cyrillic need several copies.
        var alphabets = new string(Enumerable.Range(0x100, 0x80).Concat(Enumerable.Range(0x391, 0x39)).Concat(Enumerable.Range(0x410, 0x40))
            .Where(c => c != 0x3A2).Select(c => (char)c).ToArray());
        NarrativeSection[] sections = [new() { Heading = "Alphabets", Body = alphabets + "\tend 中 😀 end" }];

        using var pdf = Render(Content(sections), Activities(3, _ => { }), 3);

        Assert.Contains(alphabets, Squeezed(pdf));
        Assert.Contains("end??end", Squeezed(pdf));
    }

    [Fact]
    public void A_project_report_names_its_project_and_says_so_where_the_period_has_nothing()
    {
        var content = Content([]) with
        {
            Donor = null, Projects = [Content([]).Projects[1]], Totals = new TopLine(0, 0, 0, 0), Monthly = [], ActivitiesByType = [],
            Reach = [], ReachByCountry = [], Indicators = [], Events = [], Publications = [],
        };

        using var pdf = Render(content, [], 0);
        var text = Squeezed(pdf);

        Assert.Contains("Project:GOLONDRINA–Golondrina:preventingchildsexualabuseinColombianschools", text);
        Assert.DoesNotContain("Donor:", text);
        Assert.Contains("0Activities0Peoplereached0Eventsheld0Coalitionactivities", text);
        Assert.Contains("Activitiespermonth" + "Noactivitiesintheperiod.", text);
        Assert.Contains("Noonereachedintheperiod.", text);
        Assert.Contains("Indicators" + "Noindicators.", text);
        Assert.Contains("Publications" + "Nopublicationsintheperiod.", text);
        Assert.DoesNotContain(pdf.GetPages().SelectMany(p => p.Paths), p => p.IsFilled && Is(p.FillColor, DonorReportPdf.MonthBar));
        Assert.DoesNotContain("moreactivities", text);
    }

    private static DonorReportContent Content(IReadOnlyList<NarrativeSection> narrative) => new(
        Guid.NewGuid(), Title, new DateOnly(2015, 1, 1), new DateOnly(2015, 12, 31), "European Commission",
        [
            new(React, "REACT", "ReACT: rights of unaccompanied foreign minors", ProjectLevel.European, ProjectStatus.Active,
                new DateOnly(2015, 1, 1), new DateOnly(2017, 12, 31), ["BE"],
                [new("ECPAT Belgium", OrganisationRole.Lead, "BE"), new("European Commission", OrganisationRole.Donor, null)], 250_000m, "EUR"),
            new(Golondrina, "GOLONDRINA", "Golondrina: preventing child sexual abuse in Colombian schools", ProjectLevel.International,
                ProjectStatus.Completed, new DateOnly(2010, 1, 1), new DateOnly(2014, 12, 31), ["CO"],
                [new("ECPAT Belgium", OrganisationRole.Lead, "BE"), new("European Commission", OrganisationRole.Donor, null)], null, null),
        ],
        narrative,
        new TopLine(23, 4785, 3, 5),
        [.. Months.Select(m => new MonthFigures(m.Month, m.Activities, m.Activities * 100))],
        [
            new(ActivityType.MeetingWithPolicyMakers, 4, 47), new(ActivityType.Training, 7, 210), new(ActivityType.AwarenessCampaign, 5, 2_100),
            new(ActivityType.Workshop, 6, 45), new(ActivityType.Publication, 1, 2_383),
        ],
        [
            new(Audience.Children, "Female", 1_200), new(Audience.Children, "Male", 1_100), new(Audience.Children, "Unknown", 438),
            new(Audience.Professionals, "Unknown", 47), new(Audience.GeneralPublic, "Female", 2_000),
        ],
        [new("", 1, 1_500), new("BE", 12, 2_530), new("CO", 4, 710), new("RO", 6, 45)],
        Indicators,
        [
            new(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2015, 3, 2), "REACT",
                "Presentation of \"Better support, better protection\" to the Council of Europe", "Strasbourg", "FR", 47),
            new(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2015, 6, 18), "REACT", "Rencontre avec les tuteurs à Liège", "Liège", "BE", 35),
            new(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2015, 8, 20), "GOLONDRINA", "Atelier pentru profesori", "București", "RO", 28),
        ],
        [
            new(Guid.NewGuid(), "Better support, better protection", PublicationType.Research, new DateOnly(2015, 3, 1), ["en"],
                "https://example.org/publications/better-support-better-protection", 2, 1),
            new(Guid.NewGuid(), "ReACT leaflet: your rights in Belgium", PublicationType.Leaflet, new DateOnly(2015, 6, 1),
                ["fr", "en", "nl", "de", "ar", "vi", "zh", "sq", "ro", "bg", "ps", "fa", "pcm"], null, 0, 0),
        ],
        new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.Zero));

    /// <summary>Activities made one by one as they are read, each read counted; never more than <paramref name="count"/>.</summary>
    private static IEnumerable<ActivityRow> Activities(int count, Action<int> onRead)
    {
        for (var i = 1; i <= count; i++)
        {
            onRead(i);
            yield return new ActivityRow(
                Guid.NewGuid(), new DateOnly(2015, 1, 1).AddDays(i % 365), i % 2 == 0 ? "REACT" : "GOLONDRINA", ActivityType.Workshop,
                $"Workshop with ACSIS beneficiaries no. {i}", "București", "RO", 0, 0, 0, 15, 15);
        }
    }

    private static PdfDocument Render(DonorReportContent content, IEnumerable<ActivityRow> activities, long activityCount)
    {
        using var output = new MemoryStream();
        DonorReportPdf.Write(content, activities, activityCount, output);
        return PdfDocument.Open(output.ToArray());
    }

    private static string Page(PdfDocument pdf, int number) => pdf.GetPage(number).Text;

    private static string Squeezed(PdfDocument pdf) => string.Concat(pdf.GetPages().Select(p => Squeeze(p.Text)));

    /// <summary>A page's text above the footer (title and page number, written last on each page).</summary>
    private static string WithoutFooter(Page page) =>
        Squeeze(string.Concat(page.Letters.Where(l => l.BoundingBox.Bottom > PdfLayout.Margin + 10).Select(l => l.Value)));

    private static string Squeeze(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    private static bool Is(UglyToad.PdfPig.Graphics.Colors.IColor? colour, Rgb expected)
    {
        if (colour is null)
        {
            return false;
        }
        var (r, g, b) = colour.ToRGBValues();
        return (Math.Round(r * 255), Math.Round(g * 255), Math.Round(b * 255)) == (expected.R, expected.G, expected.B);
    }
}
