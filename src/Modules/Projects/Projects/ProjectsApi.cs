using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Contracts;

namespace Advocacy.Modules.Projects.Projects;

internal static class ProjectsApi
{
    /// <summary>The route group every projects endpoint hangs from, tagged for the OpenAPI document.</summary>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder app) => app.MapGroup("/api/projects").WithTags("Projects");
}

/// <summary>A project as the API returns it.</summary>
internal sealed record ProjectResponse(
    Guid Id,
    string Code,
    string Name,
    string? Summary,
    ProjectLevel Level,
    ProjectStatus Status,
    DateOnly StartDate,
    DateOnly? EndDate,
    List<string> Countries,
    List<ProjectOrganisation> Organisations,
    decimal? BudgetAmount,
    string? BudgetCurrency,
    List<string> ResponsibleStaffIds,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    uint Version,
    Dictionary<string, string> NameTranslations,
    Dictionary<string, string> SummaryTranslations)
{
    /// <summary>The project with its name and summary in the language the request asks for (Accept-Language), else the default.</summary>
    public static ProjectResponse From(Project p) => new(
        p.Id, p.Code, Translations.Pick(p.Name, p.NameTranslations), Translations.PickOptional(p.Summary, p.SummaryTranslations), p.Level, p.Status, p.StartDate, p.EndDate, p.Countries,
        p.Organisations.Select(o => new ProjectOrganisation(o.Name, o.Role, o.Country)).ToList(),
        p.BudgetAmount, p.BudgetCurrency, p.ResponsibleStaffIds, p.CreatedAt, p.UpdatedAt, p.Version,
        Translations.ToMap(p.NameTranslations), Translations.ToMap(p.SummaryTranslations));
}
