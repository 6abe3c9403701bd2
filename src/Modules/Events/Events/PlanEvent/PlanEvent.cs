using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Events.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Events.Events.PlanEvent;

/// <summary>
/// Staff plan an event: it starts as planned. Only Reports hears of it (EventScheduleChanged, for upcoming events);
/// Projects hears nothing until it is held.
/// </summary>
internal sealed class PlanEventEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        EventsApi.Group(app)
            .MapPost("", Handle)
            .WithName("PlanEvent")
            .RequireAuthorization(Policies.Write)
            .WithValidation<EventRequest>();

    internal static async Task<Created<EventResponse>> Handle(
        EventRequest request, EventsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var planned = new Event { Id = Guid.CreateVersion7(), Title = "", Status = EventStatus.Planned, CreatedAt = now, UpdatedAt = now };
        // Staff link and unlink their own projects only; others' links stay as they are (ADR 0016).
        db.Access.EnsureMayRelink(planned.ProjectIds, request.ProjectIds ?? []);
        EventRequestValidator.Apply(request, planned);
        db.Events.Add(planned);
        db.AddIntegrationEvent(planned.ScheduleChanged());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/events/{planned.Id}", EventResponse.From(planned, []));
    }
}
