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
        // Loaded and removed through the change tracker, so the audit trail records whom it removed.
        var participant = await db.Participants.SingleOrDefaultAsync(p => p.EventId == id && p.Id == participantId, cancellationToken)
            ?? throw new NotFoundException("Participant", participantId);
        db.Participants.Remove(participant);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
