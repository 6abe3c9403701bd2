using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Events.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Events.Events.UpdateEvent;

internal sealed class UpdateEventEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        EventsApi.Group(app)
            .MapPut("{id:guid}", Handle)
            .WithName("UpdateEvent")
            .RequireAuthorization(Policies.Write)
            .WithValidation<EventRequest>()
            .WithSummary("Edits an event's details, sessions and linked projects; publishes EventScheduleChanged, and HeldEventUpdated for a held event's change.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<EventResponse>, ValidationProblem>> Handle(
        Guid id, EventRequest request, EventsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Version is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["version"] = [EventsApi.VersionRequired] });
        }
        var edited = await EventsApi.FindForChangeAsync(db, id, request.Version.Value, cancellationToken);
        var held = edited.Status == EventStatus.Held ? edited.ToHeldDetails() : null;
        if (held is not null && EventRequestValidator.FirstSession(request) > EventsApi.LatestHeldStart(clock))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["sessions"] = ["The event was held: its first session cannot be in the future."],
            });
        }

        var now = clock.GetUtcNow();
        // Staff link and unlink their own projects only; others' links stay as they are (ADR 0016).
        db.Access.EnsureMayRelink(edited.ProjectIds, request.ProjectIds ?? []);
        EventRequestValidator.Apply(request, edited);
        edited.UpdatedAt = now;
        if (held is not null)
        {
            EventsApi.PublishIfChanged(db, held, edited, now);
        }
        // Its dates, title, place or linked projects may have changed: Reports' upcoming events follow.
        db.AddIntegrationEvent(edited.ScheduleChanged());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(EventResponse.From(edited));
    }
}
