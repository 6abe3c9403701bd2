using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.Modules.Coalitions.Data;
using Advocacy.Modules.Coalitions.Shared;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Coalitions.Meetings.AddFollowUp;

internal sealed class AddFollowUpEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        MeetingsApi.Group(app)
            .MapPost("{meetingId:guid}/follow-ups", Handle)
            .WithName("AddFollowUp")
            .RequireAuthorization(Policies.Write)
            .WithSummary("Adds a follow-up action to a meeting: what, who (a user), due when (not before the meeting).")
            .WithValidation<FollowUpRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Created<FollowUpResponse>, ValidationProblem>> Handle(
        Guid coalitionId, Guid meetingId, FollowUpRequest request, CoalitionsDbContext db, IUserDirectory users, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (_, meeting) = await db.FindMeetingAsync(coalitionId, meetingId, cancellationToken);
        var errors = await FollowUpRules.ErrorsAsync(request, meeting, storedOwner: null, users, cancellationToken);
        if (meeting.FollowUps.Count >= FollowUpRequestValidator.MaxPerMeeting)
        {
            errors["followUps"] = [$"A meeting has at most {FollowUpRequestValidator.MaxPerMeeting} follow-ups."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var followUp = FollowUpRequestValidator.Create(request, meeting.Id, clock.Today());
        db.FollowUps.Add(followUp);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/coalitions/{coalitionId}/meetings/{meetingId}", FollowUpResponse.From(followUp));
    }
}
