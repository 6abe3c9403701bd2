using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Events.Contracts;
using Advocacy.Modules.Events.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Events.Events.ListEvents;

internal sealed class ListEventsEndpoint : ICarterModule
{
    private static readonly string[] Sorts = ["date", "-date"];

    public void AddRoutes(IEndpointRouteBuilder app) =>
        EventsApi.Group(app)
            .MapGet("", Handle)
            .WithName("ListEvents")
            .RequireAuthorization(Policies.Read)
            .WithSummary("Events by the date of their first session, filtered by status, kind, period and linked project, paged.")
            .WithDescription("from/to: on the first session's date, both inclusive. sort: date (default, earliest first) or -date. "
                + "Participants are listed by GET /api/events/{id} only.");

    internal static async Task<Results<Ok<Page<EventResponse>>, ValidationProblem>> Handle(
        EventsDbContext db,
        CancellationToken cancellationToken,
        string? status = null,
        string? kind = null,
        DateOnly? from = null,
        DateOnly? to = null,
        Guid? projectId = null,
        string sort = "date",
        int page = 1,
        int pageSize = Paging.DefaultPageSize)
    {
        var errors = Paging.ListErrors(page, pageSize, from, to);
        var eventStatus = QueryEnum.Parse<EventStatus>(status, "status", errors);
        var eventKind = QueryEnum.Parse<EventKind>(kind, "kind", errors);
        if (!Sorts.Contains(sort))
        {
            errors["sort"] = [$"Sort by one of: {string.Join(", ", Sorts)}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.Events.AsNoTracking();
        if (eventStatus is not null) query = query.Where(e => e.Status == eventStatus);
        if (eventKind is not null) query = query.Where(e => e.Kind == eventKind);
        if (from is not null) query = query.Where(e => e.StartsOn >= from);
        if (to is not null) query = query.Where(e => e.StartsOn <= to);
        if (projectId is not null) query = query.Where(e => e.ProjectIds.Contains(projectId.Value));
        // Ties broken by id, so paging through the list never skips or repeats an event.
        query = sort == "-date"
            ? query.OrderByDescending(e => e.StartsOn).ThenByDescending(e => e.Id)
            : query.OrderBy(e => e.StartsOn).ThenBy(e => e.Id);

        var total = await query.CountAsync(cancellationToken);
        var events = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<EventResponse>(events.Select(e => EventResponse.From(e)).ToList(), page, pageSize, total));
    }
}
