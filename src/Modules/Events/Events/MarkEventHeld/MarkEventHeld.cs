using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Events.Contracts;
using Advocacy.Modules.Events.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Events.Events.MarkEventHeld;

/// <summary>A planned event took place: record its attendance and tell Projects (EventHeld), once.</summary>
internal sealed class MarkEventHeldEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        EventsApi.Group(app)
            .MapPost("{id:guid}/held", Handle)
            .WithName("MarkEventHeld")
            .RequireAuthorization(Policies.Write)
            .WithValidation<AttendanceRequest>()
            .WithSummary("Marks a planned event held with its attendance and publishes EventHeld. Only a planned event can be marked held (else 409).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<EventResponse>> Handle(
        Guid id, AttendanceRequest request, EventsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var held = await EventsApi.FindForChangeAsync(db, id, request.Version!.Value, cancellationToken);
        if (held.Status != EventStatus.Planned)
        {
            throw new ConflictException("The event is already held; correct its attendance with PUT /api/events/{id}/attendance.");
        }
        if (held.StartsOn > EventsApi.LatestHeldStart(clock))
        {
            throw new ConflictException($"The event's first session is on {held.StartsOn:yyyy-MM-dd}: mark it held once it has taken place.");
        }

        var now = clock.GetUtcNow();
        held.Attendance = AttendanceRequestValidator.Entries(request);
        held.Status = EventStatus.Held;
        held.HeldAt = now;
        held.UpdatedAt = now;
        db.AddIntegrationEvent(new EventHeld(held.ToHeldDetails(), now));
        db.AddIntegrationEvent(held.ScheduleChanged());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(EventResponse.From(held));
    }
}
