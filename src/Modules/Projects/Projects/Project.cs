using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Contracts;

namespace Advocacy.Modules.Projects.Projects;

internal sealed class Project
{
    public const int CodeMaxLength = 30;
    public const int NameMaxLength = 200;
    public const int SummaryMaxLength = 4000;

    public Guid Id { get; init; }

    /// <summary>The short code staff use, e.g. REACT; unique.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? Summary { get; set; }

    /// <summary>The name in other languages (en, fr, nl), when staff gave them.</summary>
    public List<Translation> NameTranslations { get; set; } = [];

    /// <summary>The summary in other languages (en, fr, nl), when staff gave them.</summary>
    public List<Translation> SummaryTranslations { get; set; } = [];

    public ProjectLevel Level { get; set; }

    public ProjectStatus Status { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    /// <summary>ISO 3166-1 alpha-2 codes.</summary>
    public List<string> Countries { get; set; } = [];

    public List<ProjectOrganisationEntry> Organisations { get; set; } = [];

    public decimal? BudgetAmount { get; set; }

    /// <summary>ISO 4217 code; set whenever <see cref="BudgetAmount"/> is.</summary>
    public string? BudgetCurrency { get; set; }

    /// <summary>Ids of the users (host identity) responsible for the project.</summary>
    public List<string> ResponsibleStaffIds { get; set; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public ProjectDetails ToDetails() => new(
        Id, Code, Name, Level, Status, StartDate, EndDate, Countries.ToList(),
        Organisations.Select(o => new ProjectOrganisation(o.Name, o.Role, o.Country)).ToList(),
        BudgetAmount, BudgetCurrency);
}

/// <summary>An organisation with a role on the project, stored with the project.</summary>
internal sealed class ProjectOrganisationEntry
{
    public required string Name { get; set; }

    public OrganisationRole Role { get; set; }

    public string? Country { get; set; }
}
