using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.Modules.Coalitions.Data;
using Advocacy.Modules.Coalitions.Shared;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Coalitions.Meetings.UpdateFollowUp;

internal sealed class UpdateFollowUpEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        MeetingsApi.Group(app)
            .MapPut("{meetingId:guid}/follow-ups/{followUpId:guid}", Handle)
            .WithName("UpdateFollowUp")
            .RequireAuthorization(Policies.Write)
            .WithSummary("Edits a follow-up action, or marks it done (done=true; doneOn defaults to today) or open again.")
            .WithValidation<FollowUpRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<FollowUpResponse>, ValidationProblem>> Handle(
        Guid coalitionId, Guid meetingId, Guid followUpId, FollowUpRequest request, CoalitionsDbContext db, IUserDirectory users,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var (_, meeting) = await db.FindMeetingAsync(coalitionId, meetingId, cancellationToken);
        var followUp = meeting.FollowUps.SingleOrDefault(f => f.Id == followUpId) ?? throw new NotFoundException("Follow-up", followUpId);
        var errors = await FollowUpRules.ErrorsAsync(request, meeting, followUp.OwnerUserId, users, cancellationToken);
        LinkChecks.RequireVersion(request.Version, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        db.Entry(followUp).Property(f => f.Version).OriginalValue = request.Version!.Value;
        FollowUpRequestValidator.Apply(request, followUp, clock.Today());
        followUp.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(FollowUpResponse.From(followUp));
    }
}
