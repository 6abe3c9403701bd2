using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Events.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Events.Events.UpdateAttendance;

/// <summary>Corrects a held event's attendance; Projects updates the activity it recorded, never adding a second.</summary>
internal sealed class UpdateAttendanceEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        EventsApi.Group(app)
            .MapPut("{id:guid}/attendance", Handle)
            .WithName("UpdateEventAttendance")
            .RequireAuthorization(Policies.Write)
            .WithValidation<AttendanceRequest>()
            .WithSummary("Replaces a held event's attendance and publishes HeldEventUpdated. Only a held event has attendance (else 409).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<EventResponse>> Handle(
        Guid id, AttendanceRequest request, EventsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var corrected = await EventsApi.FindForChangeAsync(db, id, request.Version!.Value, cancellationToken);
        if (corrected.Status != EventStatus.Held)
        {
            throw new ConflictException("The event is not held yet: record its attendance by marking it held (POST /api/events/{id}/held).");
        }

        var now = clock.GetUtcNow();
        var before = corrected.ToHeldDetails();
        corrected.Attendance = AttendanceRequestValidator.Entries(request);
        corrected.UpdatedAt = now;
        EventsApi.PublishIfChanged(db, before, corrected, now);
        // Attendance is not part of the schedule, but every change is published so Reports' copy is never older than the event.
        db.AddIntegrationEvent(corrected.ScheduleChanged());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(EventResponse.From(corrected));
    }
}
