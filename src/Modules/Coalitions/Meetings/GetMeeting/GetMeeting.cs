using Advocacy.BuildingBlocks.Authorization;
using Advocacy.Modules.Coalitions.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Coalitions.Meetings.GetMeeting;

internal sealed class GetMeetingEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        MeetingsApi.Group(app)
            .MapGet("{meetingId:guid}", Handle)
            .WithName("GetMeeting")
            .RequireAuthorization(Policies.Read)
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<MeetingResponse>> Handle(Guid coalitionId, Guid meetingId, CoalitionsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(MeetingResponse.From((await db.FindMeetingAsync(coalitionId, meetingId, cancellationToken)).Meeting));
}
