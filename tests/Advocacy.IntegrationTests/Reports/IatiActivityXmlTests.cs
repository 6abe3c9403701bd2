using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Reports.Dashboards;
using Advocacy.Modules.Reports.DonorReports;
using Advocacy.Modules.Reports.Exports;
using Advocacy.Modules.Reports.Indicators;

namespace Advocacy.IntegrationTests.Reports;

/// <summary>The IATI export against the official 2.03 schema (vendored in IatiSchema/2.03); no database.</summary>
public sealed class IatiActivityXmlTests
{
    private static readonly IatiOrganisation Publisher = new IatiOptions().ReportingOrg();

    // ReACT as the seeds describe it, with what a donor report adds: a donor, more countries, a budget and indicators.
    private static readonly ReportProject React = new(
        Guid.CreateVersion7(), "REACT", "ReACT: rights of unaccompanied foreign minors", ProjectLevel.European, ProjectStatus.Completed,
        new DateOnly(2015, 1, 1), new DateOnly(2017, 12, 31), ["BE", "FR", "NL"],
        [
            new ReportOrganisation("ECPAT Belgium", OrganisationRole.Lead, "BE"),
            new ReportOrganisation("ECPAT International", OrganisationRole.Partner, null),
            new ReportOrganisation("European Commission", OrganisationRole.Donor, null),
        ],
        250000.00m, "EUR");

    private static readonly ReportProject Mario = new(
        Guid.CreateVersion7(), "MARIO", "Mario: protection of migrant children from and in Europe", ProjectLevel.European,
        ProjectStatus.Completed, new DateOnly(2014, 1, 1), new DateOnly(2016, 12, 31), ["BE"],
        [new ReportOrganisation("Terre des Hommes", OrganisationRole.Coordinator, null)], null, null);

    private static IndicatorFigures Indicator(
        ReportProject project, string code, string name, string unit, IndicatorDirection direction, IndicatorAggregation aggregation,
        decimal baseline, decimal target, decimal? actual) =>
        new(Guid.CreateVersion7(), project.ProjectId, code, name, unit, direction, aggregation, baseline, target, actual, null);

    private static readonly IReadOnlyList<IndicatorFigures> ReactIndicators =
    [
        Indicator(React, "1.1", "Languages the leaflet and video are published in", "languages", IndicatorDirection.Increase,
            IndicatorAggregation.Latest, 0, 13, 13),
        Indicator(React, "1.2", "Unaccompanied minors reached by the video", "people", IndicatorDirection.Increase,
            IndicatorAggregation.Cumulative, 0, 5000, 3120.5m),
        Indicator(React, "2.1", "Guardianship requests left unanswered", "%", IndicatorDirection.Decrease,
            IndicatorAggregation.Latest, 40, 10.25m, 22.5m),
        Indicator(React, "2.2", "Member states adopting the report's recommendations", "states", IndicatorDirection.Increase,
            IndicatorAggregation.Cumulative, 0, 5, null),
    ];

    private static DonorReportContent Content(IReadOnlyList<ReportProject> projects, IReadOnlyList<IndicatorFigures> indicators) => new(
        Guid.CreateVersion7(), "European Commission report 2016", new DateOnly(2016, 1, 1), new DateOnly(2016, 12, 31),
        "European Commission", projects, [], new TopLine(42, 1234, 3, 5), [], [], [], [], indicators, [], [],
        new DateTimeOffset(2026, 11, 23, 10, 30, 0, TimeSpan.FromHours(1)));

    private static MemoryStream Export(DonorReportContent content, ReportProject project)
    {
        var output = new MemoryStream();
        IatiActivityXml.Write(Publisher, content, project, output);
        output.Position = 0;
        return output;
    }

    /// <summary>Every schema error and warning, found by the official schema loaded from local files only.</summary>
    internal static List<string> Validate(Stream xml)
    {
        var problems = new List<string>();
        void Collect(object? _, ValidationEventArgs e) => problems.Add($"{e.Severity} at {e.Exception.LineNumber}:{e.Exception.LinePosition}: {e.Message}");

        var schemas = new XmlSchemaSet { XmlResolver = new LocalFilesOnly() };
        schemas.ValidationEventHandler += Collect;
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Reports", "IatiSchema", "2.03", "iati-activities-schema.xsd"));
        schemas.Compile();

        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = schemas,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
            DtdProcessing = DtdProcessing.Prohibit,
        };
        settings.ValidationEventHandler += Collect;
        using var reader = XmlReader.Create(xml, settings);
        while (reader.Read())
        {
        }
        return problems;
    }

    /// <summary>Loads the vendored schema files and refuses anything else: validation never needs the network.</summary>
    private sealed class LocalFilesOnly : XmlUrlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn) => absoluteUri.IsFile
            ? base.GetEntity(absoluteUri, role, ofObjectToReturn)
            : throw new InvalidOperationException($"Schema validation tried to fetch {absoluteUri}.");
    }

    private static MemoryStream Save(XDocument document)
    {
        var output = new MemoryStream();
        document.Save(output);
        output.Position = 0;
        return output;
    }

    private static decimal Number(XElement element, string attribute) =>
        decimal.Parse((string)element.Attribute(attribute)!, NumberStyles.Number, CultureInfo.InvariantCulture);

    [Fact]
    public void A_ReACT_export_is_valid_IATI_2_03_and_holds_the_projects_organisations_countries_budget_and_indicators()
    {
        var otherProjectIndicator = Indicator(Mario, "1.1", "Children protected", "people", IndicatorDirection.Increase,
            IndicatorAggregation.Cumulative, 0, 100, 50);
        var content = Content([React, Mario], [.. ReactIndicators, otherProjectIndicator]);

        // A decimal comma in the current culture must not leak into the file.
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("fr-BE");
        MemoryStream xml;
        try
        {
            xml = Export(content, React);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Assert.Empty(Validate(xml));

        xml.Position = 0;
        var activity = XDocument.Load(xml).Root!.Element("iati-activity")!;
        Assert.Equal("AA-AAA-EXAMPLE-REACT", (string?)activity.Element("iati-identifier"));
        Assert.Equal("2026-11-23T10:30:00+01:00", (string?)activity.Attribute("last-updated-datetime"));
        Assert.Equal("EUR", (string?)activity.Attribute("default-currency"));
        Assert.Equal("ReACT: rights of unaccompanied foreign minors", (string?)activity.Element("title")!.Element("narrative"));
        Assert.Contains("42 activities reaching 1234 people", (string?)activity.Element("description")!.Element("narrative"));
        Assert.Equal("4", (string?)activity.Element("activity-status")!.Attribute("code"));
        Assert.Equal(["2:2015-01-01", "4:2017-12-31"],
            activity.Elements("activity-date").Select(d => $"{(string?)d.Attribute("type")}:{(string?)d.Attribute("iso-date")}"));

        var organisations = activity.Elements("participating-org").ToList();
        Assert.Equal(3, organisations.Count);
        Assert.Equal(["ECPAT Belgium:2", "ECPAT International:4", "European Commission:1"],
            organisations.Select(o => $"{(string?)o.Element("narrative")}:{(string?)o.Attribute("role")}"));
        Assert.Equal("AA-AAA-EXAMPLE", (string?)organisations[0].Attribute("ref"));

        var countries = activity.Elements("recipient-country").ToList();
        Assert.Equal(["BE", "FR", "NL"], countries.Select(c => (string?)c.Attribute("code")));
        Assert.Equal(100m, countries.Sum(c => Number(c, "percentage")));
        Assert.Equal([34m, 33m, 33m], countries.Select(c => Number(c, "percentage")));

        Assert.Equal("15160", (string?)activity.Element("sector")!.Attribute("code"));

        var budget = Assert.Single(activity.Elements("budget"));
        Assert.Equal("2015-01-01", (string?)budget.Element("period-start")!.Attribute("iso-date"));
        Assert.Equal("2017-12-31", (string?)budget.Element("period-end")!.Attribute("iso-date"));
        var value = budget.Element("value")!;
        Assert.Equal(250000.00m, decimal.Parse(value.Value, CultureInfo.InvariantCulture));
        Assert.Equal("EUR", (string?)value.Attribute("currency"));
        Assert.Equal("2015-01-01", (string?)value.Attribute("value-date"));

        // One result per indicator of this project, none of the other project's.
        var indicators = activity.Elements("result").Select(r => r.Element("indicator")!).ToList();
        Assert.Equal(ReactIndicators.Count, indicators.Count);
        foreach (var (expected, indicator) in ReactIndicators.Zip(indicators))
        {
            Assert.Equal($"{expected.Code} {expected.Name}", (string?)indicator.Element("title")!.Element("narrative"));
            Assert.Equal(expected.Baseline, Number(indicator.Element("baseline")!, "value"));
            var period = indicator.Element("period")!;
            Assert.Equal("2016-01-01", (string?)period.Element("period-start")!.Attribute("iso-date"));
            Assert.Equal("2016-12-31", (string?)period.Element("period-end")!.Attribute("iso-date"));
            Assert.Equal(expected.Target, Number(period.Element("target")!, "value"));
            if (expected.Actual is null)
            {
                Assert.Null(period.Element("actual"));
            }
            else
            {
                Assert.Equal(expected.Actual, Number(period.Element("actual")!, "value"));
            }
        }
        Assert.Equal(["true", "true", "false", "true"], indicators.Select(i => (string?)i.Attribute("ascending")));
        Assert.Equal(["1", "1", "2", "1"], indicators.Select(i => (string?)i.Attribute("measure")));
    }

    [Theory]
    [InlineData("no title")]
    [InlineData("activity-status before participating-org")]
    [InlineData("budget without value")]
    public void The_validator_rejects_a_broken_document(string breakage)
    {
        var document = XDocument.Load(Export(Content([React], ReactIndicators), React));
        var activity = document.Root!.Element("iati-activity")!;
        switch (breakage)
        {
            case "no title":
                activity.Element("title")!.Remove();
                break;
            case "activity-status before participating-org":
                var status = activity.Element("activity-status")!;
                status.Remove();
                activity.Element("participating-org")!.AddBeforeSelf(status);
                break;
            case "budget without value":
                activity.Element("budget")!.Element("value")!.Remove();
                break;
        }

        Assert.NotEmpty(Validate(Save(document)));
    }

    [Fact]
    public void A_project_without_budget_end_date_or_indicators_in_one_country_with_markup_and_a_control_character_in_its_name_is_valid()
    {
        var project = React with
        {
            Code = "R&D", Name = "Kids & <parents> > \u0007rights", Status = ProjectStatus.Active, EndDate = null, Countries = ["be"],
            BudgetAmount = null, BudgetCurrency = null,
        };

        var xml = Export(Content([project], []), project);

        Assert.Empty(Validate(xml));
        xml.Position = 0;
        var activity = XDocument.Load(xml).Root!.Element("iati-activity")!;
        Assert.Equal("AA-AAA-EXAMPLE-R&D", (string?)activity.Element("iati-identifier"));
        Assert.Equal("Kids & <parents> > rights", (string?)activity.Element("title")!.Element("narrative"));
        Assert.Equal("2", (string?)activity.Element("activity-status")!.Attribute("code"));
        Assert.Equal(["2"], activity.Elements("activity-date").Select(d => (string?)d.Attribute("type")));
        var country = Assert.Single(activity.Elements("recipient-country"));
        Assert.Equal("BE", (string?)country.Attribute("code"));
        Assert.Equal(100m, Number(country, "percentage"));
        Assert.Empty(activity.Elements("budget"));
        Assert.Empty(activity.Elements("result"));
    }
}
