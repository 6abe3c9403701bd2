using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Activities.ListActivities;

internal sealed class ListActivitiesEndpoint : ICarterModule
{
    private static readonly string[] Sorts = ["date", "-date", "title", "-title", "type", "-type", "loggedAt", "-loggedAt"];

    public void AddRoutes(IEndpointRouteBuilder app) =>
        ActivitiesApi.Group(app)
            .MapGet("", Handle)
            .WithName("ListActivities")
            .RequireAuthorization(Policies.Read)
            .WithSummary("The activity log, filtered by project, type, period, country and author, sorted and paged.")
            .WithDescription($"sort: one of {string.Join(", ", Sorts)} (default -date). mine=true: only what I logged. "
                + "includeDeleted=true (managers and admins): deleted activities too, for the audit.");

    internal static async Task<Results<Ok<Page<ActivityResponse>>, ValidationProblem, ForbidHttpResult>> Handle(
        ProjectsDbContext db,
        ClaimsPrincipal user,
        CancellationToken cancellationToken,
        Guid? projectId = null,
        string? type = null,
        DateOnly? from = null,
        DateOnly? to = null,
        string? country = null,
        string? loggedBy = null,
        bool mine = false,
        bool includeDeleted = false,
        string sort = "-date",
        int page = 1,
        int pageSize = Paging.DefaultPageSize)
    {
        var errors = Paging.ListErrors(page, pageSize, from, to);
        var activityType = QueryEnum.Parse<ActivityType>(type, "type", errors);
        if (!Sorts.Contains(sort))
        {
            errors["sort"] = [$"Sort by one of: {string.Join(", ", Sorts)}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (includeDeleted && !user.IsInRole(Roles.Manager) && !user.IsInRole(Roles.Admin))
        {
            return TypedResults.Forbid();
        }

        var query = db.Activities.AsNoTracking();
        if (!includeDeleted) query = query.Where(a => a.DeletedAt == null);
        if (projectId is not null) query = query.Where(a => a.ProjectId == projectId);
        if (activityType is not null) query = query.Where(a => a.Type == activityType);
        if (from is not null) query = query.Where(a => a.Date >= from);
        if (to is not null) query = query.Where(a => a.Date <= to);
        if (!string.IsNullOrWhiteSpace(country)) query = query.Where(a => a.Country == country.ToUpperInvariant());
        if (mine) loggedBy = user.UserId();
        if (!string.IsNullOrWhiteSpace(loggedBy)) query = query.Where(a => a.LoggedBy == loggedBy);

        // Ties broken by id, so paging through an ordered list never skips or repeats a row.
        query = sort switch
        {
            "date" => query.OrderBy(a => a.Date).ThenBy(a => a.Id),
            "title" => query.OrderBy(a => a.Title).ThenBy(a => a.Id),
            "-title" => query.OrderByDescending(a => a.Title).ThenBy(a => a.Id),
            "type" => query.OrderBy(a => a.Type).ThenBy(a => a.Id),
            "-type" => query.OrderByDescending(a => a.Type).ThenBy(a => a.Id),
            "loggedAt" => query.OrderBy(a => a.LoggedAt).ThenBy(a => a.Id),
            "-loggedAt" => query.OrderByDescending(a => a.LoggedAt).ThenBy(a => a.Id),
            _ => query.OrderByDescending(a => a.Date).ThenByDescending(a => a.Id),
        };

        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<ActivityResponse>(items.Select(ActivityResponse.From).ToList(), page, pageSize, total));
    }
}
