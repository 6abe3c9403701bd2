using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Reports.Data;

namespace Advocacy.Modules.Reports.ProjectSummaries;

/// <summary>Adds a newly created project to the read model.</summary>
internal sealed class ProjectCreatedConsumer(ReportsDbContext db) : InboxConsumer<ProjectCreated, ReportsDbContext>(db)
{
    protected override async Task Handle(ProjectCreated message, CancellationToken cancellationToken)
    {
        var summary = await Db.ProjectSummaries.FindAsync([message.ProjectId], cancellationToken);
        if (summary is null)
        {
            summary = new ProjectSummary { ProjectId = message.ProjectId, Code = message.Code, Name = message.Name };
            Db.ProjectSummaries.Add(summary);
        }
        summary.Code = message.Code;
        summary.Name = message.Name;
        summary.Level = message.Level;
        summary.StartDate = message.StartDate;
        summary.EndDate = message.EndDate;
        summary.UpdatedAt = message.OccurredAt;
    }
}
