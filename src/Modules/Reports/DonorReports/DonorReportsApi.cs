using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.Publications;
using FluentValidation;

namespace Advocacy.Modules.Reports.DonorReports;

internal static class DonorReportsApi
{
    public const string Tag = "Donor reports";

    public static RouteGroupBuilder DonorReports(IEndpointRouteBuilder app) => app.MapGroup("/api/donor-reports").WithTags(Tag);

    public static async Task<DonorReport> FindAsync(this ReportsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.DonorReports.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("Donor report", id);

    /// <summary>
    /// Adds an error when the report's scope names nothing Reports knows: an unknown project, or a donor
    /// that funds no project (names compared ignoring case, as the report's content does).
    /// </summary>
    public static async Task CheckScopeAsync(this ReportsDbContext db, DonorReportRequest request, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (request.ProjectId is { } projectId && !await db.ProjectSummaries.AnyAsync(p => p.ProjectId == projectId, cancellationToken))
        {
            errors["projectId"] = [$"Unknown project: {projectId}."];
        }
        if (request.Donor is { } donor && !string.IsNullOrWhiteSpace(donor))
        {
            if (!db.Access.All)
            {
                // Its figures span the donor's projects, some perhaps beyond the user's reach (ADR 0016).
                throw new ForbiddenException("A donor's report spans projects: only managers and admins write one. Choose one of your projects instead.");
            }
            var organisations = await db.ProjectSummaries.AsNoTracking().Select(p => p.Organisations).ToListAsync(cancellationToken);
            if (!organisations.SelectMany(o => o).Any(o => o.Role == OrganisationRole.Donor && string.Equals(o.Name.Trim(), donor.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                errors["donor"] = [$"No project has '{donor.Trim()}' as a donor."];
            }
        }
    }
}

/// <summary>
/// A donor report as staff create or edit it: for one project or for one donor's projects, and a
/// period. An edit sends back the <see cref="Version"/> it read.
/// </summary>
internal sealed record DonorReportRequest(
    string Title,
    Guid? ProjectId,
    string? Donor,
    DateOnly? From,
    DateOnly? To,
    List<NarrativeSectionRequest>? Sections = null,
    uint? Version = null);

/// <summary>One section of the narrative.</summary>
internal sealed record NarrativeSectionRequest(string Heading, string? Body);

internal sealed class DonorReportRequestValidator : AbstractValidator<DonorReportRequest>
{
    public DonorReportRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(DonorReportLimits.Title);
        RuleFor(r => r.Donor).MaximumLength(DonorReportLimits.Donor);
        RuleFor(r => r)
            .Must(r => (r.ProjectId is not null) ^ !string.IsNullOrWhiteSpace(r.Donor))
            .OverridePropertyName("projectId")
            .WithMessage(_ => ValidationMessages.ProjectOrDonor);
        RuleFor(r => r.From).NotNull()
            .InclusiveBetween(PublicationLimits.EarliestDate, PublicationLimits.LatestDate)
            .WithMessage(_ => SharedMessages.DateBetween.With(PublicationLimits.EarliestDate, PublicationLimits.LatestDate));
        RuleFor(r => r.To).NotNull()
            .InclusiveBetween(PublicationLimits.EarliestDate, PublicationLimits.LatestDate)
            .WithMessage(_ => SharedMessages.DateBetween.With(PublicationLimits.EarliestDate, PublicationLimits.LatestDate))
            .GreaterThanOrEqualTo(r => r.From).When(r => r.From is not null).WithMessage(_ => ValidationMessages.ToBeforeFrom);
        RuleFor(r => r.Sections)
            .Must(s => s!.Count <= DonorReportLimits.Sections).WithMessage(_ => ValidationMessages.AtMostSections.With(DonorReportLimits.Sections))
            .When(r => r.Sections is not null);
        RuleForEach(r => r.Sections).ChildRules(section =>
        {
            section.RuleFor(s => s.Heading).NotEmpty().MaximumLength(DonorReportLimits.Heading);
            section.RuleFor(s => s.Body).MaximumLength(DonorReportLimits.Body);
        });
    }

    /// <summary>Copies validated input onto the report.</summary>
    public static void Apply(DonorReportRequest input, DonorReport report)
    {
        report.Title = input.Title.Trim();
        report.ProjectId = input.ProjectId;
        report.Donor = Input.Blank(input.Donor);
        report.From = input.From!.Value;
        report.To = input.To!.Value;
        report.Sections = (input.Sections ?? [])
            .Select(s => new NarrativeSection { Heading = s.Heading.Trim(), Body = s.Body?.Trim() ?? "" })
            .ToList();
    }
}

/// <summary>A donor report's definition, as the API returns it.</summary>
internal sealed record DonorReportResponse(
    Guid Id, string Title, Guid? ProjectId, string? Donor, DateOnly From, DateOnly To, List<NarrativeSectionRequest> Sections,
    string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt, uint Version)
{
    public static DonorReportResponse Of(DonorReport r) => new(
        r.Id, r.Title, r.ProjectId, r.Donor, r.From, r.To, r.Sections.Select(s => new NarrativeSectionRequest(s.Heading, s.Body)).ToList(),
        r.CreatedBy, r.CreatedAt, r.UpdatedAt, r.Version);
}
