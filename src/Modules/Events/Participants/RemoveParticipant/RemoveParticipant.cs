using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Events.Data;
using Advocacy.Modules.Events.Events;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Events.Participants.RemoveParticipant;

internal sealed class RemoveParticipantEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        EventsApi.Group(app)
            .MapDelete("{id:guid}/participants/{participantId:guid}", Handle)
            .WithName("RemoveEventParticipant")
            .RequireAuthorization(Policies.Write)
            .WithSummary("Removes a participant for good, a person's name with it (also from a cancelled event).")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<NoContent> Handle(Guid id, Guid participantId, EventsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Events.AnyAsync(e => e.Id == id, cancellationToken))
        {
            throw new NotFoundException("Event", id);
        }
        var removed = await db.Participants.Where(p => p.EventId == id && p.Id == participantId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            throw new NotFoundException("Participant", participantId);
        }
        return TypedResults.NoContent();
    }
}
