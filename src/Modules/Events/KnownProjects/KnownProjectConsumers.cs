using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Events.Data;
using Advocacy.Modules.Projects.Contracts;

namespace Advocacy.Modules.Events.KnownProjects;

/// <summary>Learns of a newly created project, so events can be linked to it.</summary>
internal sealed class ProjectCreatedConsumer(EventsDbContext db) : InboxConsumer<ProjectCreated, EventsDbContext>(db)
{
    protected override Task Handle(ProjectCreated message, CancellationToken cancellationToken) =>
        KnownProjectWriter.Apply(Db, message.Project, message.OccurredAt, cancellationToken);
}

/// <summary>Keeps Events' copy of a project current.</summary>
internal sealed class ProjectUpdatedConsumer(EventsDbContext db) : InboxConsumer<ProjectUpdated, EventsDbContext>(db)
{
    protected override Task Handle(ProjectUpdated message, CancellationToken cancellationToken) =>
        KnownProjectWriter.Apply(Db, message.Project, message.OccurredAt, cancellationToken);
}

internal static class KnownProjectWriter
{
    /// <summary>Creates or updates the known project; an update may arrive before the creation it follows.</summary>
    public static async Task Apply(EventsDbContext db, ProjectDetails project, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var known = await db.KnownProjects.FindAsync([project.ProjectId], cancellationToken);
        if (known is null)
        {
            known = new KnownProject { ProjectId = project.ProjectId, UpdatedAt = DateTimeOffset.MinValue };
            db.KnownProjects.Add(known);
        }
        known.Apply(project, occurredAt);
    }

    /// <summary>The ids among <paramref name="projectIds"/> that Events has not heard of.</summary>
    public static async Task<List<Guid>> UnknownAsync(EventsDbContext db, IReadOnlyCollection<Guid> projectIds, CancellationToken cancellationToken)
    {
        if (projectIds.Count == 0)
        {
            return [];
        }
        var known = await db.KnownProjects.AsNoTracking()
            .Where(p => projectIds.Contains(p.ProjectId))
            .Select(p => p.ProjectId)
            .ToListAsync(cancellationToken);
        return projectIds.Except(known).ToList();
    }
}
