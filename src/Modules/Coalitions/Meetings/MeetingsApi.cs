using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Coalitions.Coalitions;
using Advocacy.Modules.Coalitions.Data;

namespace Advocacy.Modules.Coalitions.Meetings;

internal static class MeetingsApi
{
    /// <summary>A coalition's meetings and their follow-ups.</summary>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/coalitions/{coalitionId:guid}/meetings").WithTags("Coalitions");

    /// <summary>The coalition and its meeting with the follow-ups, tracked; 404 for either unknown (or the meeting of another coalition).</summary>
    public static async Task<(Coalition Coalition, Meeting Meeting)> FindMeetingAsync(
        this CoalitionsDbContext db, Guid coalitionId, Guid meetingId, CancellationToken cancellationToken)
    {
        var coalition = await db.FindCoalitionAsync(coalitionId, cancellationToken);
        var meeting = await db.Meetings.Include(m => m.FollowUps)
            .SingleOrDefaultAsync(m => m.Id == meetingId && m.CoalitionId == coalitionId, cancellationToken)
            ?? throw new NotFoundException("Meeting", meetingId);
        return (coalition, meeting);
    }
}

/// <summary>A follow-up action as the API returns it.</summary>
internal sealed record FollowUpResponse(
    Guid Id, Guid MeetingId, string Action, string OwnerUserId, DateOnly DueDate, bool Done, DateOnly? DoneOn, uint Version)
{
    public static FollowUpResponse From(FollowUp f) => new(f.Id, f.MeetingId, f.Action, f.OwnerUserId, f.DueDate, f.DoneOn is not null, f.DoneOn, f.Version);
}

/// <summary>A meeting with its follow-up actions, soonest due first.</summary>
internal sealed record MeetingResponse(
    Guid Id,
    Guid CoalitionId,
    DateOnly Date,
    string? Agenda,
    List<string> AttendeeUserIds,
    List<Guid> ProjectIds,
    List<FollowUpResponse> FollowUps,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    DateTimeOffset? UpdatedAt,
    uint Version)
{
    public static MeetingResponse From(Meeting m) => new(
        m.Id, m.CoalitionId, m.Date, m.Agenda, m.AttendeeUserIds, m.ProjectIds,
        m.FollowUps.OrderBy(f => f.DueDate).ThenBy(f => f.Id).Select(FollowUpResponse.From).ToList(),
        m.RecordedBy, m.RecordedAt, m.UpdatedAt, m.Version);
}
