using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Events.Contracts;
using Advocacy.Modules.Events.Data;
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Advocacy.Modules.Events.Events;

internal sealed record EventResponse(Guid Id, string Title, EventKind Kind, DateOnly StartsOn, string? Place, uint Version);

internal sealed record PlanEventRequest(string Title, EventKind? Kind, DateOnly? StartsOn, string? Place);

internal sealed class PlanEventValidator : AbstractValidator<PlanEventRequest>
{
    public PlanEventValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(Event.TitleMaxLength);
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.StartsOn).NotNull().InclusiveBetween(new DateOnly(1990, 1, 1), new DateOnly(2100, 12, 31));
        RuleFor(r => r.Place).MaximumLength(300);
    }
}

/// <summary>Planning events and listing them.</summary>
internal sealed class EventEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/events").WithTags("Events");
        group.MapGet("", List).WithName("ListEvents").RequireAuthorization(Policies.Read);
        group.MapPost("", Plan).WithName("PlanEvent").RequireAuthorization(Policies.Write).WithValidation<PlanEventRequest>();
    }

    internal static async Task<Ok<List<EventResponse>>> List(EventsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Events.AsNoTracking()
            .OrderBy(e => e.StartsOn).ThenBy(e => e.Title)
            .Select(e => new EventResponse(e.Id, e.Title, e.Kind, e.StartsOn, e.Place, e.Version))
            .ToListAsync(cancellationToken));

    internal static async Task<Created<EventResponse>> Plan(
        PlanEventRequest request, EventsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var planned = new Event
        {
            Id = Guid.CreateVersion7(),
            Title = request.Title.Trim(),
            Kind = request.Kind!.Value,
            StartsOn = request.StartsOn!.Value,
            Place = string.IsNullOrWhiteSpace(request.Place) ? null : request.Place.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Events.Add(planned);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/events/{planned.Id}",
            new EventResponse(planned.Id, planned.Title, planned.Kind, planned.StartsOn, planned.Place, planned.Version));
    }
}
