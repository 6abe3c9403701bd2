using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Reports.Data;

namespace Advocacy.Modules.Reports.ProjectSummaries;

/// <summary>Adds a newly created project to the read model.</summary>
internal sealed class ProjectCreatedConsumer(ReportsDbContext db) : InboxConsumer<ProjectCreated, ReportsDbContext>(db)
{
    protected override Task Handle(ProjectCreated message, CancellationToken cancellationToken) =>
        ProjectSummaryWriter.Apply(Db, message.Project, message.OccurredAt, cancellationToken);
}

/// <summary>Keeps the read model's copy of a project current.</summary>
internal sealed class ProjectUpdatedConsumer(ReportsDbContext db) : InboxConsumer<ProjectUpdated, ReportsDbContext>(db)
{
    protected override Task Handle(ProjectUpdated message, CancellationToken cancellationToken) =>
        ProjectSummaryWriter.Apply(Db, message.Project, message.OccurredAt, cancellationToken);
}

internal static class ProjectSummaryWriter
{
    /// <summary>Creates or updates the summary; an update may arrive before the creation it follows.</summary>
    public static async Task Apply(ReportsDbContext db, ProjectDetails project, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        await db.LockForTransactionAsync($"project-summary:{project.ProjectId}", cancellationToken);
        var summary = await db.ProjectSummaries.FindAsync([project.ProjectId], cancellationToken);
        if (summary is null)
        {
            summary = new ProjectSummary { ProjectId = project.ProjectId, UpdatedAt = DateTimeOffset.MinValue };
            db.ProjectSummaries.Add(summary);
        }
        summary.Apply(project, occurredAt);
    }
}
