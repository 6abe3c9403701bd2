using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Events.Contracts;
using Advocacy.Modules.Events.Data;
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Events.Events.CancelEvent;

/// <summary>The version of the event the client read.</summary>
internal sealed record CancelEventRequest(uint? Version);

internal sealed class CancelEventValidator : AbstractValidator<CancelEventRequest>
{
    public CancelEventValidator() =>
        RuleFor(r => r.Version).NotNull().WithMessage(_ => EventsApi.VersionRequired);
}

/// <summary>
/// Cancels an event: Reports drops it from upcoming events (EventScheduleChanged). A planned one gave
/// Projects nothing; a held one is withdrawn (EventWithdrawn), and the activities it produced with it.
/// </summary>
internal sealed class CancelEventEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        EventsApi.Group(app)
            .MapPost("{id:guid}/cancel", Handle)
            .WithName("CancelEvent")
            .RequireAuthorization(Policies.Write)
            .WithValidation<CancelEventRequest>()
            .WithSummary("Cancels a planned or held event; cancelling a held event publishes EventWithdrawn.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<EventResponse>> Handle(
        Guid id, CancelEventRequest request, EventsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var cancelled = await EventsApi.FindForChangeAsync(db, id, request.Version!.Value, cancellationToken);
        var wasHeld = cancelled.Status == EventStatus.Held;

        var now = clock.GetUtcNow();
        cancelled.Status = EventStatus.Cancelled;
        cancelled.CancelledAt = now;
        cancelled.UpdatedAt = now;
        if (wasHeld)
        {
            db.AddIntegrationEvent(new EventWithdrawn(cancelled.Id, now));
        }
        db.AddIntegrationEvent(cancelled.ScheduleChanged());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(EventResponse.From(cancelled));
    }
}
