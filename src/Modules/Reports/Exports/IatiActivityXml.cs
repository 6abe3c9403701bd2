using System.Globalization;
using System.Text;
using System.Xml;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Reports.DonorReports;
using Advocacy.Modules.Reports.Indicators;

namespace Advocacy.Modules.Reports.Exports;

/// <summary>
/// The organisation publishing the IATI file: its organisation identifier, name, OrganisationType code, and the
/// DAC 5-digit sector code its activities are reported under (projects carry no sector of their own).
/// </summary>
internal sealed record IatiOrganisation(string Ref, string Name, string Type, string Sector = IatiOrganisation.HumanRights)
{
    /// <summary>
    /// DAC 15160 "Human rights": its definition names human rights NGOs and advocacy, and programming for children and
    /// victims of trafficking. (15180 is violence against women and girls; 15190 is meant for migrants and refugees.)
    /// </summary>
    public const string HumanRights = "15160";
}

/// <summary>
/// One project of a donor report as an IATI activity file, version 2.03: elements in the schema's order, codes from
/// the IATI codelists (mappings below). Checked against the official schema by the IATI export tests.
/// </summary>
internal static class IatiActivityXml
{
    /// <summary>Writes an <c>iati-activities</c> document with one <c>iati-activity</c> for the project, leaving the stream open.</summary>
    public static void Write(IatiOrganisation reportingOrg, DonorReportContent content, ReportProject project, Stream output)
    {
        // The description quotes the report's figures, so they must be this project's report.
        if (!content.Projects.Any(p => p.ProjectId == project.ProjectId))
        {
            throw new ArgumentException($"Project {project.Code} is not part of report {content.ReportId}.", nameof(project));
        }

        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true });
        xml.WriteStartDocument();
        xml.WriteStartElement("iati-activities");
        xml.WriteAttributeString("version", "2.03");
        xml.WriteAttributeString("generated-datetime", DateTime(content.GeneratedAt));

        xml.WriteStartElement("iati-activity");
        // The read model keeps no per-project change time; the data is as of the report's computation.
        xml.WriteAttributeString("last-updated-datetime", DateTime(content.GeneratedAt));
        // A budget without currency is taken to be in euros, the organisation's currency.
        var currency = Text(project.BudgetCurrency) is { Length: > 0 } c ? c.ToUpperInvariant() : "EUR";
        xml.WriteAttributeString("default-currency", currency);
        xml.WriteAttributeString("xml", "lang", null, "en");
        xml.WriteAttributeString("hierarchy", "1");

        xml.WriteElementString("iati-identifier", Text($"{reportingOrg.Ref}-{project.Code}"));

        xml.WriteStartElement("reporting-org");
        xml.WriteAttributeString("ref", Text(reportingOrg.Ref));
        xml.WriteAttributeString("type", Text(reportingOrg.Type));
        Narrative(xml, reportingOrg.Name);
        xml.WriteEndElement();

        xml.WriteStartElement("title");
        Narrative(xml, project.Name);
        xml.WriteEndElement();

        xml.WriteStartElement("description");
        xml.WriteAttributeString("type", "1"); // General
        Narrative(xml, Description(content, project));
        xml.WriteEndElement();

        WriteParticipatingOrgs(xml, reportingOrg, project);

        xml.WriteStartElement("activity-status");
        xml.WriteAttributeString("code", ActivityStatus(project.Status));
        xml.WriteEndElement();

        WriteActivityDates(xml, project);
        WriteRecipientCountries(xml, project);

        xml.WriteStartElement("sector");
        xml.WriteAttributeString("vocabulary", "1"); // OECD DAC CRS purpose codes, 5 digits
        xml.WriteAttributeString("code", Text(reportingOrg.Sector));
        xml.WriteEndElement();

        if (project.BudgetAmount is { } amount)
        {
            WriteBudget(xml, project, amount, currency);
        }

        foreach (var indicator in content.Indicators.Where(i => i.ProjectId == project.ProjectId))
        {
            WriteResult(xml, content, project, indicator);
        }

        xml.WriteEndElement(); // iati-activity
        xml.WriteEndElement(); // iati-activities
        xml.WriteEndDocument();
    }

    /// <summary>
    /// OrganisationRole codelist: a donor funds (1 Funding); a lead or coordinator answers for the project and its
    /// outcomes (2 Accountable, "responsible for oversight of the activity and its outcomes"); a partner carries it
    /// out (4 Implementing). 3 Extending (manages funds on a funder's behalf) has no counterpart here.
    /// </summary>
    private static string Role(OrganisationRole role) => role switch
    {
        OrganisationRole.Donor => "1",
        OrganisationRole.Lead or OrganisationRole.Coordinator => "2",
        OrganisationRole.Partner => "4",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>
    /// ActivityStatus codelist: 1 Pipeline/identification, 2 Implementation, 4 Closed, 5 Cancelled, 6 Suspended.
    /// Completed is the project's final state, so it maps to IATI's final one (4); 3 Finalisation (awaiting
    /// financial sign-off) would need a state the projects do not track.
    /// </summary>
    private static string ActivityStatus(ProjectStatus status) => status switch
    {
        ProjectStatus.Planned => "1",
        ProjectStatus.Active => "2",
        ProjectStatus.Completed => "4",
        ProjectStatus.Cancelled => "5",
        ProjectStatus.Suspended => "6",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static void WriteParticipatingOrgs(XmlWriter xml, IatiOrganisation reportingOrg, ReportProject project)
    {
        // The schema wants at least one; a project with no organisations recorded is the publisher's own.
        IReadOnlyList<ReportOrganisation> organisations = project.Organisations.Count > 0
            ? project.Organisations
            : [new ReportOrganisation(reportingOrg.Name, OrganisationRole.Lead, null)];
        foreach (var organisation in organisations)
        {
            xml.WriteStartElement("participating-org");
            // Only the publisher's identifier is known; other organisations go by name.
            if (string.Equals(organisation.Name.Trim(), reportingOrg.Name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                xml.WriteAttributeString("ref", Text(reportingOrg.Ref));
                xml.WriteAttributeString("type", Text(reportingOrg.Type));
            }
            xml.WriteAttributeString("role", Role(organisation.Role));
            Narrative(xml, organisation.Name);
            xml.WriteEndElement();
        }
    }

    /// <summary>
    /// ActivityDateType codelist: 1 planned start, 2 actual start, 3 planned end, 4 actual end. Actual dates only
    /// for what has happened: a planned project's start is planned, and only a completed project's end is actual
    /// (a cancelled project's stop date is not recorded, so its end date stays the planned one).
    /// </summary>
    private static void WriteActivityDates(XmlWriter xml, ReportProject project)
    {
        ActivityDate(xml, project.Status == ProjectStatus.Planned ? "1" : "2", project.StartDate);
        if (project.EndDate is { } end)
        {
            ActivityDate(xml, project.Status == ProjectStatus.Completed ? "4" : "3", end);
        }
    }

    private static void ActivityDate(XmlWriter xml, string type, DateOnly date)
    {
        xml.WriteStartElement("activity-date");
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("iso-date", Date(date));
        xml.WriteEndElement();
    }

    /// <summary>Percentages must add up to 100: an even split in whole numbers, the remainder on the first country.</summary>
    private static void WriteRecipientCountries(XmlWriter xml, ReportProject project)
    {
        var countries = project.Countries.Select(c => Text(c).ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        for (var i = 0; i < countries.Count; i++)
        {
            var percentage = 100 / countries.Count + (i == 0 ? 100 % countries.Count : 0);
            xml.WriteStartElement("recipient-country");
            xml.WriteAttributeString("code", countries[i]);
            xml.WriteAttributeString("percentage", percentage.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }
    }

    /// <summary>
    /// One budget over the project's dates (a year from the start when the end is unknown): type 1 Original,
    /// status 1 Indicative. IATI prefers periods of at most a year, but the projects hold only a total.
    /// </summary>
    private static void WriteBudget(XmlWriter xml, ReportProject project, decimal amount, string currency)
    {
        var end = project.EndDate ?? project.StartDate.AddYears(1).AddDays(-1);
        xml.WriteStartElement("budget");
        xml.WriteAttributeString("type", "1");
        xml.WriteAttributeString("status", "1");
        IsoDateElement(xml, "period-start", project.StartDate);
        IsoDateElement(xml, "period-end", end);
        xml.WriteStartElement("value");
        xml.WriteAttributeString("currency", currency);
        xml.WriteAttributeString("value-date", Date(project.StartDate));
        xml.WriteString(Decimal(amount));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>
    /// One result per indicator (the read model has indicators, not objectives), type 2 Outcome. Aggregation
    /// status: a cumulative count adds up across periods and activities, a latest level does not. Measure 2
    /// Percentage for a unit of "%", else 1 Unit. The baseline is taken as of the project's start; the period is the
    /// report's, with the project's target and the actual measured in the report period when there is one.
    /// </summary>
    private static void WriteResult(XmlWriter xml, DonorReportContent content, ReportProject project, IndicatorFigures indicator)
    {
        var name = indicator.Code is { Length: > 0 } code ? $"{code} {indicator.Name}" : indicator.Name;
        xml.WriteStartElement("result");
        xml.WriteAttributeString("type", "2");
        xml.WriteAttributeString("aggregation-status", Boolean(indicator.Aggregation == IndicatorAggregation.Cumulative));
        xml.WriteStartElement("title");
        Narrative(xml, name);
        xml.WriteEndElement();

        xml.WriteStartElement("indicator");
        xml.WriteAttributeString("measure", IsPercentage(indicator.Unit) ? "2" : "1");
        xml.WriteAttributeString("ascending", Boolean(indicator.Direction == IndicatorDirection.Increase));
        xml.WriteStartElement("title");
        Narrative(xml, name);
        xml.WriteEndElement();
        if (Text(indicator.Unit) is { Length: > 0 } unit)
        {
            xml.WriteStartElement("description");
            Narrative(xml, $"Unit: {unit}");
            xml.WriteEndElement();
        }

        xml.WriteStartElement("baseline");
        xml.WriteAttributeString("year", project.StartDate.Year.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("iso-date", Date(project.StartDate));
        xml.WriteAttributeString("value", Decimal(indicator.Baseline));
        xml.WriteEndElement();

        xml.WriteStartElement("period");
        IsoDateElement(xml, "period-start", content.From);
        IsoDateElement(xml, "period-end", content.To);
        xml.WriteStartElement("target");
        xml.WriteAttributeString("value", Decimal(indicator.Target));
        xml.WriteEndElement();
        if (indicator.Actual is { } actual)
        {
            xml.WriteStartElement("actual");
            xml.WriteAttributeString("value", Decimal(actual));
            xml.WriteEndElement();
        }
        xml.WriteEndElement(); // period

        xml.WriteEndElement(); // indicator
        xml.WriteEndElement(); // result
    }

    private static bool IsPercentage(string unit) =>
        Text(unit).ToLowerInvariant() is "%" or "percent" or "percentage" or "per cent";

    /// <summary>The project's name and the report's top-line figures (of all its projects together when it has several).</summary>
    private static string Description(DonorReportContent content, ReportProject project)
    {
        var totals = content.Totals;
        var scope = content.Projects.Count == 1 ? "" : $" (the report's {content.Projects.Count} projects together)";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Text(project.Name)}. From {Date(content.From)} to {Date(content.To)}{scope}: {totals.Activities} activities "
            + $"reaching {totals.Reach} people, {totals.EventsHeld} events held, {totals.CoalitionActivities} coalition activities.");
    }

    private static void Narrative(XmlWriter xml, string? text) => xml.WriteElementString("narrative", Text(text));

    private static void IsoDateElement(XmlWriter xml, string name, DateOnly date)
    {
        xml.WriteStartElement(name);
        xml.WriteAttributeString("iso-date", Date(date));
        xml.WriteEndElement();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string DateTime(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Boolean(bool value) => value ? "true" : "false";

    /// <summary>
    /// Text without the characters XML 1.0 cannot hold (control characters other than tab and line breaks, lone
    /// surrogates), which XmlWriter would refuse; escaping of &amp; and &lt; is XmlWriter's job.
    /// </summary>
    private static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i, 2);
                i++;
            }
        }
        return clean.ToString().Trim();
    }
}
