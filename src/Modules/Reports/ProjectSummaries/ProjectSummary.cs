using Advocacy.Modules.Projects.Contracts;

namespace Advocacy.Modules.Reports.ProjectSummaries;

/// <summary>Reports' own copy of what it needs to know about a project, fed by Projects' events.</summary>
internal sealed class ProjectSummary
{
    public Guid ProjectId { get; init; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public ProjectLevel Level { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
