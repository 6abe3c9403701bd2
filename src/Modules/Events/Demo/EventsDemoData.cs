using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Events.Contracts;
using Advocacy.Modules.Events.Data;
using Advocacy.Modules.Events.Events;
using Advocacy.Modules.Events.Participants;
using Advocacy.Modules.Projects.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Advocacy.Modules.Events;

/// <summary>Events from the organisation's news (../shared/seeds), for the local demo.</summary>
/// <remarks>
/// They are linked to no project and are held without publishing <see cref="EventHeld"/>: the Projects
/// demo data already logs the activities they stand for, and a clean seed cannot know Projects' ids.
/// They are written here, not through the handlers, so their <see cref="EventScheduleChanged"/> is added here too.
/// </remarks>
public static class EventsDemoData
{
    private sealed record DemoEvent(
        string Title,
        EventKind Kind,
        DateOnly[] Sessions,
        string? Place,
        string? Country,
        string? OrganisedBy,
        EventAttendance[] Attendance,
        (string Organisation, string Role)[] Participants);

    private static EventAttendance Attended(Audience audience, int count) => new() { Audience = audience, Count = count };

    private static readonly DemoEvent[] Events =
    [
        new("Presentation of the ReACT European report \"Better support, better protection\" to the Council of Europe", EventKind.Presentation,
            [new(2017, 3, 1)], "Council of Europe, Strasbourg", "FR", "Council of Europe",
            [Attended(Audience.PolicyMakers, 47)], []),
        new("European Day on the Protection of Children against Sexual Exploitation and Sexual Abuse", EventKind.AwarenessDay,
            [new(2015, 11, 18)], "Brussels", "BE", "Council of Europe",
            [Attended(Audience.GeneralPublic, 500)], []),
        new("EU Anti-trafficking Day", EventKind.AwarenessDay,
            [new(2015, 10, 18)], null, null, "European Union",
            [], []),
        new("Training for ACCOR Belgium's managers", EventKind.Training,
            [new(2015, 9, 8), new(2015, 9, 22), new(2015, 9, 29)], "Brussels", "BE", null,
            [Attended(Audience.Professionals, 37)], []),
        // The seed text gives no date for this event.
        new("Awareness event on child trafficking at the French-speaking Brussels Parliament", EventKind.ParliamentaryHearing,
            [new(2016, 4, 20)], "French-speaking Brussels Parliament, Brussels", "BE", null,
            [],
            [
                ("Police", "police officers, testified"),
                ("Magistrates", "magistrates, testified"),
                ("Reception centres for survivors of trafficking", "testified"),
                ("National rapporteur on trafficking in human beings", "testified"),
                ("French-speaking Brussels Parliament", "parliamentarians"),
            ]),
    ];

    /// <summary>Adds the demo events that are not there yet; running it twice changes nothing.</summary>
    public static async Task SeedEventsDemoDataAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var existing = await db.Events.Select(e => e.Title).ToListAsync(cancellationToken);
        foreach (var demo in Events.Where(e => !existing.Contains(e.Title)))
        {
            var held = new Event
            {
                Id = Guid.CreateVersion7(),
                Title = demo.Title,
                Kind = demo.Kind,
                Sessions = demo.Sessions.Select(d => new EventSession { Date = d }).ToList(),
                StartsOn = demo.Sessions.Min(),
                Place = demo.Place,
                Country = demo.Country,
                OrganisedByUs = demo.OrganisedBy is null,
                OrganiserName = demo.OrganisedBy,
                Attendance = demo.Attendance.Select(a => new EventAttendance { Audience = a.Audience, Gender = a.Gender, Count = a.Count }).ToList(),
                Status = EventStatus.Held,
                HeldAt = now,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Events.Add(held);
            db.AddIntegrationEvent(held.ScheduleChanged());
            db.Participants.AddRange(demo.Participants.Select(p => new Participant
            {
                Id = Guid.CreateVersion7(), EventId = held.Id, Organisation = p.Organisation, Role = p.Role, CreatedAt = now,
            }));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
