using Advocacy.Modules.Reports.Dashboards;
using Advocacy.Modules.Reports.DonorReports;
using Advocacy.Modules.Projects.Contracts;
using MiniExcelLibs.Attributes;

namespace Advocacy.Modules.Reports.Exports;

/// <summary>The sections of a donor report as tables: a sheet each in XLSX, a file each in CSV.</summary>
internal enum ExportSection
{
    Summary,
    Narrative,
    Projects,
    Activities,
    Types,
    Monthly,
    Reach,
    Countries,
    Indicators,
    Events,
    Publications,
}

/// <summary>
/// Turns a donor report's content into typed rows: numbers stay numbers and dates stay dates, so a
/// spreadsheet gets real number and date cells; every text goes through <see cref="Text"/>.
/// </summary>
internal static class DonorReportSheets
{
    /// <summary>The sheet names, in workbook order.</summary>
    public static string SheetName(ExportSection section) => section switch
    {
        ExportSection.Types => "Activities by type",
        _ => section.ToString(),
    };

    /// <summary>The rows of one section; the activities are enumerated lazily from <paramref name="activities"/>.</summary>
    public static object Rows(ExportSection section, DonorReportContent content, IEnumerable<ActivityRow> activities) => section switch
    {
        ExportSection.Summary => Summary(content),
        ExportSection.Narrative => content.Narrative.Select(s => new NarrativeSheetRow(Text(s.Heading), Text(s.Body))),
        ExportSection.Projects => content.Projects.Select(p => new ProjectSheetRow(
            Text(p.Code), Text(p.Name), Word(p.Level), Word(p.Status), p.StartDate, p.EndDate, string.Join(", ", p.Countries),
            Text(string.Join("; ", p.Organisations.Where(o => o.Role == OrganisationRole.Donor).Select(o => o.Name))),
            Text(string.Join("; ", p.Organisations.Where(o => o.Role != OrganisationRole.Donor).Select(o => $"{o.Name} ({Word(o.Role)})"))),
            p.BudgetAmount, p.BudgetCurrency)),
        ExportSection.Activities => ActivityRows(activities),
        ExportSection.Types => content.ActivitiesByType.Select(t => new TypeSheetRow(Word(t.Type), t.Activities, t.Reach)),
        ExportSection.Monthly => content.Monthly.Select(m => new MonthSheetRow(DateOnly.ParseExact(m.Month + "-01", "yyyy-MM-dd"), m.Activities, m.Reach)),
        ExportSection.Reach => content.Reach.Select(r => new ReachSheetRow(Word(r.Audience), DashboardQueries.Camel(r.Gender), r.People)),
        ExportSection.Countries => content.ReachByCountry.Select(c => new CountrySheetRow(c.Country, c.Activities, c.Reach)),
        ExportSection.Indicators => content.Indicators.Select(i => new IndicatorSheetRow(
            Text(content.Projects.First(p => p.ProjectId == i.ProjectId).Code), Text(i.Code), Text(i.Name), Text(i.Unit),
            i.Baseline, i.Target, i.Actual, i.Progress)),
        ExportSection.Events => content.Events.Select(e => new EventSheetRow(e.Date, Text(e.ProjectCode), Text(e.Title), Text(e.Place), e.Country, e.Participants)),
        ExportSection.Publications => content.Publications.Select(p => new PublicationSheetRow(
            p.PublishedOn, Text(p.Title), Word(p.Type), string.Join(", ", p.Languages), Text(p.Link), p.Recommendations, p.RecommendationsImplemented)),
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
    };

    /// <summary>The activity list as rows, enumerated lazily: the one section that needs none of the report's figures.</summary>
    public static IEnumerable<ActivitySheetRow> ActivityRows(IEnumerable<ActivityRow> activities) => activities.Select(a => new ActivitySheetRow(
        a.Date, Text(a.ProjectCode), Word(a.Type), Text(a.Title), Text(a.Place), a.Country,
        a.Children, a.Professionals, a.PolicyMakers, a.GeneralPublic, a.TotalReach));

    /// <summary>
    /// A text as a cell: a leading =, +, -, @, tab or carriage return would make a spreadsheet read
    /// it as a formula, so it gets a leading apostrophe (OWASP's advice on CSV injection).
    /// </summary>
    public static string? Text(string? text) =>
        string.IsNullOrEmpty(text) || "=+-@\t\r".IndexOf(text[0]) < 0 ? text : "'" + text;

    /// <summary>An enum value as the API spells it ("meetingWithPolicyMakers").</summary>
    private static string Word<TEnum>(TEnum value) where TEnum : struct, Enum => DashboardQueries.Camel(value.ToString());

    private static IEnumerable<SummarySheetRow> Summary(DonorReportContent content)
    {
        yield return new("Report", Text(content.Title), null, null);
        yield return new("Period from", null, null, content.From);
        yield return new("Period to", null, null, content.To);
        yield return content.Donor is null
            ? new("Project", Text(string.Join(", ", content.Projects.Select(p => $"{p.Code} {p.Name}"))), null, null)
            : new("Donor", Text(content.Donor), null, null);
        yield return new("Projects", null, content.Projects.Count, null);
        yield return new("Activities", null, content.Totals.Activities, null);
        yield return new("People reached", null, content.Totals.Reach, null);
        yield return new("Events held", null, content.Totals.EventsHeld, null);
        yield return new("Coalition activities", null, content.Totals.CoalitionActivities, null);
        yield return new("Publications", null, content.Publications.Count, null);
        yield return new("From approved periods", content.FromApprovedPeriods ? "yes" : "no: the figures may still change", null, null);
        yield return new("Generated at (UTC)", $"{content.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}", null, null);
    }
}

// One record per sheet: MiniExcel writes a header from the properties even when a sheet has no rows.
internal sealed record SummarySheetRow(
    [property: ExcelColumnName("Item")] string Item,
    [property: ExcelColumnName("Text")] string? Text,
    [property: ExcelColumnName("Number")] int? Number,
    [property: ExcelColumnName("Date"), ExcelFormat("yyyy-MM-dd")] DateOnly? Date);

internal sealed record NarrativeSheetRow(
    [property: ExcelColumnName("Heading")] string? Heading,
    [property: ExcelColumnName("Text")] string? Body);

internal sealed record ProjectSheetRow(
    [property: ExcelColumnName("Code")] string? Code,
    [property: ExcelColumnName("Name")] string? Name,
    [property: ExcelColumnName("Level")] string Level,
    [property: ExcelColumnName("Status")] string Status,
    [property: ExcelColumnName("Start"), ExcelFormat("yyyy-MM-dd")] DateOnly Start,
    [property: ExcelColumnName("End"), ExcelFormat("yyyy-MM-dd")] DateOnly? End,
    [property: ExcelColumnName("Countries")] string Countries,
    [property: ExcelColumnName("Donors")] string? Donors,
    [property: ExcelColumnName("Other organisations")] string? Organisations,
    [property: ExcelColumnName("Budget")] decimal? Budget,
    [property: ExcelColumnName("Currency")] string? Currency);

internal sealed record ActivitySheetRow(
    [property: ExcelColumnName("Date"), ExcelFormat("yyyy-MM-dd")] DateOnly Date,
    [property: ExcelColumnName("Project")] string? Project,
    [property: ExcelColumnName("Type")] string Type,
    [property: ExcelColumnName("Title")] string? Title,
    [property: ExcelColumnName("Place")] string? Place,
    [property: ExcelColumnName("Country")] string? Country,
    [property: ExcelColumnName("Children")] int Children,
    [property: ExcelColumnName("Professionals")] int Professionals,
    [property: ExcelColumnName("Policy makers")] int PolicyMakers,
    [property: ExcelColumnName("General public")] int GeneralPublic,
    [property: ExcelColumnName("Total reach")] int TotalReach);

internal sealed record TypeSheetRow(
    [property: ExcelColumnName("Type")] string Type,
    [property: ExcelColumnName("Activities")] int Activities,
    [property: ExcelColumnName("Reach")] int Reach);

internal sealed record MonthSheetRow(
    [property: ExcelColumnName("Month"), ExcelFormat("yyyy-MM-dd")] DateOnly Month,
    [property: ExcelColumnName("Activities")] int Activities,
    [property: ExcelColumnName("Reach")] int Reach);

internal sealed record ReachSheetRow(
    [property: ExcelColumnName("Audience")] string Audience,
    [property: ExcelColumnName("Gender")] string Gender,
    [property: ExcelColumnName("People")] int People);

internal sealed record CountrySheetRow(
    [property: ExcelColumnName("Country")] string Country,
    [property: ExcelColumnName("Activities")] int Activities,
    [property: ExcelColumnName("Reach")] int Reach);

internal sealed record IndicatorSheetRow(
    [property: ExcelColumnName("Project")] string? Project,
    [property: ExcelColumnName("Code")] string? Code,
    [property: ExcelColumnName("Indicator")] string? Name,
    [property: ExcelColumnName("Unit")] string? Unit,
    [property: ExcelColumnName("Baseline")] decimal Baseline,
    [property: ExcelColumnName("Target")] decimal Target,
    [property: ExcelColumnName("Actual")] decimal? Actual,
    [property: ExcelColumnName("Progress")] decimal? Progress);

internal sealed record EventSheetRow(
    [property: ExcelColumnName("Date"), ExcelFormat("yyyy-MM-dd")] DateOnly Date,
    [property: ExcelColumnName("Project")] string? Project,
    [property: ExcelColumnName("Event")] string? Title,
    [property: ExcelColumnName("Place")] string? Place,
    [property: ExcelColumnName("Country")] string? Country,
    [property: ExcelColumnName("Participants")] int Participants);

internal sealed record PublicationSheetRow(
    [property: ExcelColumnName("Published"), ExcelFormat("yyyy-MM-dd")] DateOnly PublishedOn,
    [property: ExcelColumnName("Title")] string? Title,
    [property: ExcelColumnName("Type")] string Type,
    [property: ExcelColumnName("Languages")] string Languages,
    [property: ExcelColumnName("Link")] string? Link,
    [property: ExcelColumnName("Recommendations")] int Recommendations,
    [property: ExcelColumnName("Implemented")] int Implemented);
