using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Reports.Contracts;

namespace Advocacy.Modules.Projects.Activities.FromOtherModules;

/// <summary>
/// A publication the organisation published becomes a publication activity of each linked project, dated
/// the day it was published; an edit that unlinks a project withdraws that project's activity.
/// </summary>
internal sealed class PublicationPublishedConsumer(ProjectsDbContext db) : InboxConsumer<PublicationPublished, ProjectsDbContext>(db)
{
    protected override Task Handle(PublicationPublished message, CancellationToken cancellationToken) =>
        SourcedActivities.ApplyAsync(
            Db, ActivitySource.Publication, $"publication:{message.PublicationId}", message.OccurredAt, message.ProjectIds,
            new SourcedActivity(ActivityType.Publication, message.PublishedOn, message.Title, Notes(message),
                Place: null, Country: null, Reach: [], ReportId: message.PublicationId),
            cancellationToken);

    private static string Notes(PublicationPublished message) =>
        $"{message.Type} published"
        + (message.Languages.Count > 0 ? $" in {string.Join(", ", message.Languages)}" : "")
        + (message.Link is null ? "." : $": {message.Link}");
}
