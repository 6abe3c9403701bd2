using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Coalitions.Contracts;
using Advocacy.Modules.Coalitions.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Coalitions.Coalitions.ListCoalitions;

/// <summary>A coalition in a list: its member organisations counted, not listed.</summary>
internal sealed record CoalitionListItem(
    Guid Id, string Name, CoalitionLevel Level, string? Website, CoalitionRole OurRole, DateOnly? JoinedOn, DateOnly? LeftOn, int MemberCount, uint Version);

internal sealed class ListCoalitionsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        CoalitionsApi.Group(app)
            .MapGet("", Handle)
            .WithName("ListCoalitions")
            .RequireAuthorization(Policies.Read)
            .WithSummary("Coalitions by name, filtered by level, our role, and whether we are still in them (current=true: not left).");

    internal static async Task<Results<Ok<Page<CoalitionListItem>>, ValidationProblem>> Handle(
        CoalitionsDbContext db,
        CancellationToken cancellationToken,
        string? level = null,
        string? ourRole = null,
        bool? current = null,
        string? search = null,
        int page = 1,
        int pageSize = Paging.DefaultPageSize)
    {
        var errors = Paging.Errors(page, pageSize) ?? [];
        var coalitionLevel = QueryEnum.Parse<CoalitionLevel>(level, "level", errors);
        var role = QueryEnum.Parse<CoalitionRole>(ourRole, "ourRole", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.Coalitions.AsNoTracking();
        if (coalitionLevel is not null) query = query.Where(c => c.Level == coalitionLevel);
        if (role is not null) query = query.Where(c => c.OurRole == role);
        if (current is not null) query = query.Where(c => (c.LeftOn == null) == current);
        if (!string.IsNullOrWhiteSpace(search)) query = query.Where(c => EF.Functions.ILike(c.Name, Paging.ContainsPattern(search), Paging.LikeEscape));

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new CoalitionListItem(c.Id, c.Name, c.Level, c.Website, c.OurRole, c.JoinedOn, c.LeftOn, c.Members.Count, c.Version))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<CoalitionListItem>(items, page, pageSize, total));
    }
}
