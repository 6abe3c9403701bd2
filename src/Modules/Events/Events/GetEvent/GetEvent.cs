using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Events.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Events.Events.GetEvent;

internal sealed class GetEventEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        EventsApi.Group(app)
            .MapGet("{id:guid}", Handle)
            .WithName("GetEvent")
            .RequireAuthorization(Policies.Read)
            .WithSummary("One event with its participants.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<EventResponse>> Handle(Guid id, EventsDbContext db, CancellationToken cancellationToken)
    {
        var found = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new NotFoundException("Event", id);
        var participants = await db.Participants.AsNoTracking()
            .Where(p => p.EventId == id)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(EventResponse.From(found, participants));
    }
}
