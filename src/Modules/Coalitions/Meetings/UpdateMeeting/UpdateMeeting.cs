using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Coalitions.Data;
using Advocacy.Modules.Coalitions.Shared;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Coalitions.Meetings.UpdateMeeting;

/// <summary>
/// Edits a meeting (not its follow-ups, which have their own endpoints). A meeting Projects knows of is
/// published again in full; one that loses its attendees or projects is published with no projects, so
/// Projects withdraws what it logged.
/// </summary>
internal sealed class UpdateMeetingEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        MeetingsApi.Group(app)
            .MapPut("{meetingId:guid}", Handle)
            .WithName("UpdateMeeting")
            .RequireAuthorization(Policies.Write)
            .WithValidation<MeetingRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<MeetingResponse>, ValidationProblem>> Handle(
        Guid coalitionId, Guid meetingId, MeetingRequest request, CoalitionsDbContext db, IUserDirectory users, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (coalition, meeting) = await db.FindMeetingAsync(coalitionId, meetingId, cancellationToken);
        var errors = await MeetingRequestValidator.LinkErrorsAsync(request, meeting, db, users, cancellationToken);
        LinkChecks.RequireVersion(request.Version, errors);
        if (request.FollowUps is { Count: > 0 })
        {
            errors["followUps"] = [$"Add or change follow-ups at /api/coalitions/{coalitionId}/meetings/{meetingId}/follow-ups."];
        }
        if (meeting.FollowUps.Where(f => f.DueDate < request.Date).Select(f => f.Action).FirstOrDefault() is { } early)
        {
            errors["date"] = [$"The follow-up '{early}' is due before that date; change it first."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var wasReported = meeting.IsReported;
        db.Entry(meeting).Property(m => m.Version).OriginalValue = request.Version!.Value;
        // Staff link and unlink their own projects only; others' links stay as they are (ADR 0016).
        db.Access.EnsureMayRelink(meeting.ProjectIds, request.ProjectIds ?? []);
        MeetingRequestValidator.Apply(request, meeting);
        meeting.UpdatedAt = clock.GetUtcNow();
        if (meeting.IsReported || wasReported)
        {
            db.AddIntegrationEvent(meeting.ToEvent(coalition.Name, meeting.UpdatedAt.Value));
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MeetingResponse.From(meeting));
    }
}
