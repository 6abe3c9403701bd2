namespace Advocacy.Modules.Projects.Contracts;

/// <summary>The state of a project as other modules need it, carried whole by every project event.</summary>
/// <param name="ProjectId">The project's id.</param>
/// <param name="Code">The short code staff use (e.g. <c>REACT</c>), unique across projects.</param>
/// <param name="Name">The project's name.</param>
/// <param name="Level">National, European or international.</param>
/// <param name="Status">Where the project stands.</param>
/// <param name="StartDate">First day of the project.</param>
/// <param name="EndDate">Last day of the project, when known.</param>
/// <param name="Countries">ISO 3166-1 alpha-2 codes of the countries the project works in.</param>
/// <param name="Organisations">Organisations with a role on the project (lead, coordinator, partner, donor).</param>
/// <param name="BudgetAmount">The budget, when known.</param>
/// <param name="BudgetCurrency">ISO 4217 code of the budget's currency.</param>
public sealed record ProjectDetails(
    Guid ProjectId,
    string Code,
    string Name,
    ProjectLevel Level,
    ProjectStatus Status,
    DateOnly StartDate,
    DateOnly? EndDate,
    IReadOnlyList<string> Countries,
    IReadOnlyList<ProjectOrganisation> Organisations,
    decimal? BudgetAmount,
    string? BudgetCurrency);

/// <summary>An organisation and its role on a project.</summary>
/// <param name="Name">The organisation's name, e.g. Terre des Hommes.</param>
/// <param name="Role">Lead, coordinator, partner or donor.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of the organisation's country, when known.</param>
public sealed record ProjectOrganisation(string Name, OrganisationRole Role, string? Country);

/// <summary>Published once a project has been created.</summary>
/// <param name="Project">The project as created.</param>
/// <param name="OccurredAt">When it was created.</param>
public sealed record ProjectCreated(ProjectDetails Project, DateTimeOffset OccurredAt);

/// <summary>Published whenever a project's details change; carries the whole new state.</summary>
/// <param name="Project">The project as it now is.</param>
/// <param name="OccurredAt">When it changed.</param>
public sealed record ProjectUpdated(ProjectDetails Project, DateTimeOffset OccurredAt);
