using Advocacy.BuildingBlocks.Data;
using Advocacy.Modules.Projects.Contracts;

namespace Advocacy.Modules.Reports.ProjectSummaries;

/// <summary>Reports' own copy of what it needs to know about a project, fed by Projects' events.</summary>
[NotAudited]
internal sealed class ProjectSummary
{
    public Guid ProjectId { get; init; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public ProjectLevel Level { get; set; }

    public ProjectStatus Status { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public List<string> Countries { get; set; } = [];

    /// <summary>Organisations with a role on the project: lead, coordinator, partners and donors.</summary>
    public List<SummaryOrganisation> Organisations { get; set; } = [];

    public decimal? BudgetAmount { get; set; }

    /// <summary>ISO 4217 code of the budget's currency.</summary>
    public string? BudgetCurrency { get; set; }

    /// <summary>When the state held here was current in Projects; older events are ignored.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public void Apply(ProjectDetails project, DateTimeOffset occurredAt)
    {
        if (occurredAt < UpdatedAt)
        {
            return;
        }
        Code = project.Code;
        Name = project.Name;
        Level = project.Level;
        Status = project.Status;
        StartDate = project.StartDate;
        EndDate = project.EndDate;
        Countries = project.Countries.ToList();
        Organisations = project.Organisations.Select(o => new SummaryOrganisation { Name = o.Name, Role = o.Role, Country = o.Country }).ToList();
        BudgetAmount = project.BudgetAmount;
        BudgetCurrency = project.BudgetCurrency;
        UpdatedAt = occurredAt;
    }
}

/// <summary>An organisation and its role on a project, as the read model keeps it.</summary>
internal sealed class SummaryOrganisation
{
    public string Name { get; set; } = "";

    public OrganisationRole Role { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code, when known.</summary>
    public string? Country { get; set; }
}
