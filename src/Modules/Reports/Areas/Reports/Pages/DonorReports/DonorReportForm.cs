using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.DonorReports;
using Advocacy.Modules.Reports.ProjectSummaries;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Advocacy.Modules.Reports.Areas.Reports.Pages.DonorReports;

/// <summary>A donor report's form: what it covers, its period and its narrative, as the endpoints' request takes it.</summary>
internal sealed class DonorReportForm
{
    public const int MaxSections = DonorReportLimits.Sections;

    public string? Title { get; set; }

    public Guid? ProjectId { get; set; }

    public string? Donor { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public List<SectionRow> Sections { get; set; } = [];

    public uint? Version { get; set; }

    /// <summary>The endpoints' request; blank sections are left out, <paramref name="rowOf"/> maps the request's rows back to the form's.</summary>
    public DonorReportRequest ToRequest(out List<int> rowOf)
    {
        rowOf = [];
        var sections = new List<NarrativeSectionRequest>();
        for (var row = 0; row < Sections.Count; row++)
        {
            if (string.IsNullOrWhiteSpace(Sections[row].Heading) && string.IsNullOrWhiteSpace(Sections[row].Body)) continue;
            rowOf.Add(row);
            sections.Add(new NarrativeSectionRequest(Sections[row].Heading ?? "", Sections[row].Body));
        }
        return new DonorReportRequest(Title ?? "", ProjectId, string.IsNullOrWhiteSpace(Donor) ? null : Donor, From, To, sections, Version);
    }

    /// <summary>An error key of the request (<c>sections[1].heading</c>) with the form's row number.</summary>
    public static string FormKey(string key, IReadOnlyList<int> rowOf) =>
        FormErrors.RowIndex(key, "sections") is { } row && row < rowOf.Count ? FormErrors.WithRowIndex(key, "sections", rowOf[row]) : key;

    public static DonorReportForm Of(DonorReportResponse report) => new()
    {
        Title = report.Title, ProjectId = report.ProjectId, Donor = report.Donor, From = report.From, To = report.To, Version = report.Version,
        Sections = report.Sections.Select(s => new SectionRow { Heading = s.Heading, Body = s.Body }).ToList(),
    };
}

/// <summary>One narrative section in the form.</summary>
internal sealed class SectionRow
{
    public string? Heading { get; set; }

    public string? Body { get; set; }
}

/// <summary>What a donor report may cover: the projects Reports knows, and the donors named on them.</summary>
internal static class DonorReportChoices
{
    public static async Task<List<SelectListItem>> ProjectsAsync(ReportsDbContext db, CancellationToken cancellationToken) =>
        (await ListProjectSummariesEndpoint.List(db, cancellationToken)).Value!
            .Select(p => new SelectListItem($"{p.Code} – {p.Name}", p.ProjectId.ToString()))
            .ToList();

    /// <summary>The organisations with the donor role on a project, each name once (ignoring case), as the report's scope matches them.</summary>
    public static async Task<List<SelectListItem>> DonorsAsync(ReportsDbContext db, CancellationToken cancellationToken) =>
        (await db.ProjectSummaries.AsNoTracking().Select(p => p.Organisations).ToListAsync(cancellationToken))
            .SelectMany(o => o)
            .Where(o => o.Role == OrganisationRole.Donor)
            .Select(o => o.Name.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.CurrentCultureIgnoreCase)
            .Select(name => new SelectListItem(name, name))
            .ToList();
}
