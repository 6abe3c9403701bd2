using Advocacy.BuildingBlocks.Data;
using Advocacy.Modules.Projects.Contracts;

namespace Advocacy.Modules.Events.KnownProjects;

/// <summary>
/// Events' own copy of the projects it may link events to, fed by Projects' <see cref="ProjectCreated"/>
/// and <see cref="ProjectUpdated"/>: Events never reads Projects' tables.
/// </summary>
[NotAudited]
internal sealed class KnownProject
{
    public Guid ProjectId { get; init; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

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
        UpdatedAt = occurredAt;
    }
}
