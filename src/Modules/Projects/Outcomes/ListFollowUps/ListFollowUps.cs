using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Stakeholders;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Outcomes.ListFollowUps;

/// <summary>"My follow-ups due": the open follow-ups of advocacy outcomes, soonest due first.</summary>
internal sealed class ListFollowUpsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        OutcomesApi.FollowUps(app)
            .MapGet("", Handle)
            .WithName("ListOutcomeFollowUps")
            .RequireAuthorization(Policies.Read)
            .WithSummary("Open follow-ups of advocacy activities, soonest due first.")
            .WithDescription("owner: 'me' or a user id (default: everyone's). due: 'overdue' (before today) or 'week' "
                + "(today through seven days from now); without it, every open follow-up. projectId: one project's. "
                + "Done ones, and those of deleted activities, are never listed. Coalition meetings' follow-ups are at /api/coalitions/follow-ups.");

    internal static async Task<Results<Ok<Page<FollowUpResponse>>, ValidationProblem>> Handle(
        ProjectsDbContext db,
        ClaimsPrincipal user,
        TimeProvider clock,
        CancellationToken cancellationToken,
        string? owner = null,
        string? due = null,
        Guid? projectId = null,
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
        if (projectId is not null) query = query.Where(f => f.ProjectId == projectId);
        if (filter.DueFrom is { } dueFrom) query = query.Where(f => f.DueDate >= dueFrom);
        if (filter.DueTo is { } dueTo) query = query.Where(f => f.DueDate <= dueTo);
        var rows =
            from f in query
            join a in db.Activities on f.ActivityId equals a.Id
            where a.DeletedAt == null
            orderby f.DueDate, f.Id
            select new FollowUpResponse(f.Id, f.ActivityId, f.ProjectId, a.Title, a.Date, f.Action, f.OwnerUserId, f.DueDate, false, null, f.Version);

        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<FollowUpResponse>(items, page, pageSize, total));
    }
}
