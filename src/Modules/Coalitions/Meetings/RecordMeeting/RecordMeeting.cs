using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Coalitions.Coalitions;
using Advocacy.Modules.Coalitions.Data;
using Advocacy.Modules.Coalitions.Shared;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Coalitions.Meetings.RecordMeeting;

/// <summary>
/// Records a coalition meeting with its follow-ups. When someone attended for the organisation and it
/// served projects, CoalitionMeetingAttended goes out with it, so Projects logs the advocacy work.
/// </summary>
internal sealed class RecordMeetingEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        MeetingsApi.Group(app)
            .MapPost("", Handle)
            .WithName("RecordMeeting")
            .RequireAuthorization(Policies.Write)
            .WithValidation<MeetingRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Created<MeetingResponse>, ValidationProblem>> Handle(
        Guid coalitionId, MeetingRequest request, ClaimsPrincipal user, CoalitionsDbContext db, IUserDirectory users, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var coalition = await db.FindCoalitionAsync(coalitionId, cancellationToken);
        var errors = await MeetingRequestValidator.LinkErrorsAsync(request, stored: null, db, users, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = clock.GetUtcNow();
        var meeting = new Meeting { Id = Guid.CreateVersion7(), CoalitionId = coalitionId, RecordedBy = user.UserId(), RecordedAt = now };
        // Staff link and unlink their own projects only; others' links stay as they are (ADR 0016).
        db.Access.EnsureMayRelink(meeting.ProjectIds, request.ProjectIds ?? []);
        MeetingRequestValidator.Apply(request, meeting);
        meeting.FollowUps = (request.FollowUps ?? []).Select(f => FollowUpRequestValidator.Create(f, meeting.Id, clock.Today())).ToList();
        db.Meetings.Add(meeting);
        if (meeting.IsReported)
        {
            db.AddIntegrationEvent(meeting.ToEvent(coalition.Name, now));
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/coalitions/{coalitionId}/meetings/{meeting.Id}", MeetingResponse.From(meeting));
    }
}
