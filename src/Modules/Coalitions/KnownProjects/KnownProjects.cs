using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Coalitions.Data;
using Advocacy.Modules.Projects.Contracts;

namespace Advocacy.Modules.Coalitions.KnownProjects;

/// <summary>
/// The module's own copy of the projects that exist, fed by Projects' events, so meetings and statements
/// can only be linked to real projects without reading Projects' tables.
/// </summary>
[NotAudited]
internal sealed class KnownProject
{
    public Guid ProjectId { get; init; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>When the state held here occurred in Projects; an older event changes nothing.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Adds or refreshes the project; an update may arrive before the creation it follows.</summary>
    public static async Task ApplyAsync(CoalitionsDbContext db, ProjectDetails project, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var known = await db.KnownProjects.FindAsync([project.ProjectId], cancellationToken);
        if (known is null)
        {
            known = new KnownProject { ProjectId = project.ProjectId, Code = "", Name = "", UpdatedAt = DateTimeOffset.MinValue };
            db.KnownProjects.Add(known);
        }
        if (occurredAt < known.UpdatedAt)
        {
            return;
        }
        known.Code = project.Code;
        known.Name = project.Name;
        known.UpdatedAt = occurredAt;
    }
}

/// <summary>Learns of a new project.</summary>
internal sealed class KnownProjectCreatedConsumer(CoalitionsDbContext db) : InboxConsumer<ProjectCreated, CoalitionsDbContext>(db)
{
    protected override Task Handle(ProjectCreated message, CancellationToken cancellationToken) =>
        KnownProject.ApplyAsync(Db, message.Project, message.OccurredAt, cancellationToken);
}

/// <summary>Keeps the copy of a project current.</summary>
internal sealed class KnownProjectUpdatedConsumer(CoalitionsDbContext db) : InboxConsumer<ProjectUpdated, CoalitionsDbContext>(db)
{
    protected override Task Handle(ProjectUpdated message, CancellationToken cancellationToken) =>
        KnownProject.ApplyAsync(Db, message.Project, message.OccurredAt, cancellationToken);
}
