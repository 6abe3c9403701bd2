using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Coalitions.Coalitions;
using Advocacy.Modules.Coalitions.Data;
using Advocacy.Modules.Coalitions.Shared;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Coalitions.Meetings.ListMeetings;

internal sealed class ListMeetingsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        MeetingsApi.Group(app)
            .MapGet("", Handle)
            .WithName("ListMeetings")
            .RequireAuthorization(Policies.Read)
            .WithSummary("A coalition's meetings with their follow-ups, latest first, optionally within a period.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<Page<MeetingResponse>>, ValidationProblem>> Handle(
        Guid coalitionId,
        CoalitionsDbContext db,
        CancellationToken cancellationToken,
        DateOnly? from = null,
        DateOnly? to = null,
        int page = 1,
        int pageSize = Paging.DefaultPageSize)
    {
        var errors = Paging.ListErrors(page, pageSize, from, to);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await db.FindCoalitionAsync(coalitionId, cancellationToken);

        var query = db.Meetings.AsNoTracking().Where(m => m.CoalitionId == coalitionId);
        if (from is not null) query = query.Where(m => m.Date >= from);
        if (to is not null) query = query.Where(m => m.Date <= to);
        var total = await query.CountAsync(cancellationToken);
        var meetings = await query.Include(m => m.FollowUps)
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<MeetingResponse>(meetings.Select(MeetingResponse.From).ToList(), page, pageSize, total));
    }
}
