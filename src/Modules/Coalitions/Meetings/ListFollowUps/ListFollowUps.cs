using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.Modules.Coalitions.Coalitions;
using Advocacy.Modules.Coalitions.Data;
using Advocacy.Modules.Coalitions.Shared;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Coalitions.Meetings.ListFollowUps;

/// <summary>An open follow-up with the meeting it came from.</summary>
internal sealed record DueFollowUpResponse(
    Guid Id, Guid MeetingId, Guid CoalitionId, string CoalitionName, DateOnly MeetingDate, string Action, string OwnerUserId, DateOnly DueDate, uint Version);

/// <summary>"My follow-ups due": the open follow-up actions across coalitions, soonest due first.</summary>
internal sealed class ListFollowUpsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        CoalitionsApi.Group(app)
            .MapGet("follow-ups", Handle)
            .WithName("ListFollowUps")
            .RequireAuthorization(Policies.Read)
            .WithSummary("Open follow-up actions, soonest due first.")
            .WithDescription("owner: 'me' or a user id (default: everyone's). due: 'overdue' (before today) or 'week' "
                + "(today through seven days from now); without it, every open follow-up. Done ones are never listed.");

    internal static async Task<Results<Ok<Page<DueFollowUpResponse>>, ValidationProblem>> Handle(
        CoalitionsDbContext db,
        ClaimsPrincipal user,
        TimeProvider clock,
        CancellationToken cancellationToken,
        string? owner = null,
        string? due = null,
        int page = 1,
        int pageSize = Paging.DefaultPageSize)
    {
        var errors = Paging.Errors(page, pageSize) ?? [];
        var filter = DueFilter.Parse(owner, due, user, clock.Today(), errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.FollowUps.AsNoTracking().Where(f => f.DoneOn == null);
        if (filter.OwnerId is not null) query = query.Where(f => f.OwnerUserId == filter.OwnerId);
        if (filter.DueFrom is { } dueFrom) query = query.Where(f => f.DueDate >= dueFrom);
        if (filter.DueTo is { } dueTo) query = query.Where(f => f.DueDate <= dueTo);

        var total = await query.CountAsync(cancellationToken);
        var items = await (
                from f in query
                join m in db.Meetings on f.MeetingId equals m.Id
                join c in db.Coalitions on m.CoalitionId equals c.Id
                orderby f.DueDate, f.Id
                select new DueFollowUpResponse(f.Id, m.Id, c.Id, c.Name, m.Date, f.Action, f.OwnerUserId, f.DueDate, f.Version))
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<DueFollowUpResponse>(items, page, pageSize, total));
    }
}
