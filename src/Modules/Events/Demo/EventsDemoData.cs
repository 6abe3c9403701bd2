using Advocacy.Modules.Events.Contracts;
using Advocacy.Modules.Events.Data;
using Advocacy.Modules.Events.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Advocacy.Modules.Events;

/// <summary>Events from the organisation's news (../shared/seeds), for the local demo.</summary>
public static class EventsDemoData
{
    private static readonly (string Title, EventKind Kind, DateOnly StartsOn, string? Place)[] Events =
    [
        ("Presentation of the ReACT European report to the Council of Europe", EventKind.Presentation, new(2017, 3, 1), "Council of Europe, Strasbourg"),
        ("EU Anti-trafficking Day", EventKind.AwarenessDay, new(2015, 10, 18), null),
        ("European Day on the Protection of Children against Sexual Exploitation and Sexual Abuse", EventKind.AwarenessDay, new(2015, 11, 18), null),
        ("Training for ACCOR Belgium's hotel managers", EventKind.Training, new(2015, 9, 8), "Brussels"),
        ("Awareness event on child trafficking at the French-speaking Brussels Parliament", EventKind.ParliamentaryHearing, new(2016, 4, 20), "French-speaking Brussels Parliament"),
    ];

    /// <summary>Adds the demo events that are not there yet; running it twice changes nothing.</summary>
    public static async Task SeedEventsDemoDataAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var existing = await db.Events.Select(e => e.Title).ToListAsync(cancellationToken);
        foreach (var (title, kind, startsOn, place) in Events.Where(e => !existing.Contains(e.Title)))
        {
            db.Events.Add(new Event
            {
                Id = Guid.CreateVersion7(), Title = title, Kind = kind, StartsOn = startsOn, Place = place, CreatedAt = clock.GetUtcNow(),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
