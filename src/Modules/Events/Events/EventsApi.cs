using System.Text.Json;
using System.Text.Json.Serialization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Events.Contracts;
using Advocacy.Modules.Events.Data;
using Advocacy.Modules.Events.Participants;
using Advocacy.Modules.Projects.Contracts;

namespace Advocacy.Modules.Events.Events;

internal static class EventsApi
{
    /// <summary>The error when a change comes without the version of the event the client read.</summary>
    public static string VersionRequired => SharedMessages.VersionMissing;

    /// <summary>The route group every events endpoint hangs from, tagged for the OpenAPI document.</summary>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder app) => app.MapGroup("/api/events").WithTags("Events");

    /// <summary>The event, tracked for a change; 404 when it does not exist.</summary>
    public static async Task<Event> FindAsync(EventsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Events.SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
        ?? throw new NotFoundException("Event", id);

    /// <summary>The event for a change the client made on <paramref name="version"/>; 404 when unknown, 409 when cancelled.</summary>
    /// <remarks>A stale version makes SaveChanges throw, which the exception handler answers with 409.</remarks>
    public static async Task<Event> FindForChangeAsync(EventsDbContext db, Guid id, uint version, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, id, cancellationToken);
        EnsureNotCancelled(found);
        db.Entry(found).Property(e => e.Version).OriginalValue = version;
        return found;
    }

    /// <summary>A cancelled event is closed: 409 for any change but removing a participant.</summary>
    public static void EnsureNotCancelled(Event found)
    {
        if (found.Status == EventStatus.Cancelled)
        {
            throw new ConflictException("The event was cancelled; it can no longer be changed.");
        }
    }

    /// <summary>
    /// The latest first-session date of a held event: today, with a day of slack (Brussels' today can be
    /// UTC's tomorrow). An event is marked held once it has taken place, so no future work is reported.
    /// </summary>
    public static DateOnly LatestHeldStart(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1);

    /// <summary>
    /// Queues <see cref="HeldEventUpdated"/> when what other modules know of a held event (<paramref name="before"/>)
    /// has changed; an edit of its description alone tells them nothing.
    /// </summary>
    public static void PublishIfChanged(EventsDbContext db, HeldEventDetails before, Event changed, DateTimeOffset now)
    {
        var after = changed.ToHeldDetails();
        if (JsonSerializer.Serialize(before) != JsonSerializer.Serialize(after))
        {
            db.AddIntegrationEvent(new HeldEventUpdated(after, now));
        }
    }
}

/// <summary>A session as the API returns it.</summary>
internal sealed record SessionResponse(DateOnly Date, TimeOnly? StartTime, TimeOnly? EndTime);

/// <summary>An event as the API returns it; <see cref="Participants"/> only when one event is read.</summary>
internal sealed record EventResponse(
    Guid Id,
    string Title,
    EventKind Kind,
    string? Description,
    EventStatus Status,
    List<SessionResponse> Sessions,
    DateOnly StartsOn,
    string? Place,
    string? Country,
    bool Online,
    string? OnlineUrl,
    bool OrganisedByUs,
    string? OrganiserName,
    List<Guid> ProjectIds,
    List<ReachCount> Attendance,
    int TotalAttendance,
    DateTimeOffset? HeldAt,
    DateTimeOffset? CancelledAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    uint Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<ParticipantResponse>? Participants = null)
{
    public static EventResponse From(Event e, IEnumerable<Participant>? participants = null) => new(
        e.Id, e.Title, e.Kind, e.Description, e.Status,
        e.Sessions.Select(s => new SessionResponse(s.Date, s.StartTime, s.EndTime)).ToList(),
        e.StartsOn, e.Place, e.Country, e.Online, e.OnlineUrl, e.OrganisedByUs, e.OrganiserName, e.ProjectIds,
        e.Attendance.Select(a => new ReachCount(a.Audience, a.Gender, a.Count)).ToList(), e.TotalAttendance,
        e.HeldAt, e.CancelledAt, e.CreatedAt, e.UpdatedAt, e.Version,
        participants?.Select(ParticipantResponse.From).ToList());
}
