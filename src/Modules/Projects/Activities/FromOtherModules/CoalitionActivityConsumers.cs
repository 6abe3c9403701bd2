using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Coalitions.Contracts;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;

namespace Advocacy.Modules.Projects.Activities.FromOtherModules;

/// <summary>A coalition meeting attended for us becomes a coalition-meeting activity of each linked project.</summary>
internal sealed class CoalitionMeetingAttendedConsumer(ProjectsDbContext db) : InboxConsumer<CoalitionMeetingAttended, ProjectsDbContext>(db)
{
    protected override Task Handle(CoalitionMeetingAttended message, CancellationToken cancellationToken) =>
        SourcedActivities.ApplyAsync(
            Db, ActivitySource.CoalitionMeeting, $"coalition-meeting:{message.MeetingId}", message.OccurredAt, message.ProjectIds,
            new SourcedActivity(ActivityType.CoalitionMeeting, message.Date, $"{message.CoalitionName}: meeting", message.Agenda,
                Place: null, Country: null, Reach: [], CoalitionId: message.CoalitionId),
            cancellationToken);
}

/// <summary>A joint statement we signed becomes a consultation-or-submission activity of each linked project.</summary>
internal sealed class StatementSignedConsumer(ProjectsDbContext db) : InboxConsumer<StatementSigned, ProjectsDbContext>(db)
{
    protected override Task Handle(StatementSigned message, CancellationToken cancellationToken) =>
        SourcedActivities.ApplyAsync(
            Db, ActivitySource.Statement, $"statement:{message.StatementId}", message.OccurredAt, message.ProjectIds,
            new SourcedActivity(ActivityType.ConsultationOrSubmission, message.Date, message.Title,
                $"Addressed to {message.AddressedTo}; signed by {message.SignatoryCount} organisations"
                    + (message.CoalitionName is null ? "." : $", in {message.CoalitionName}."),
                Place: null, Country: null, Reach: [], CoalitionId: message.CoalitionId),
            cancellationToken);
}
