using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Stakeholders.ListStakeholders;

internal sealed class ListStakeholdersEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        StakeholdersApi.Group(app)
            .MapGet("", Handle)
            .WithName("ListStakeholders")
            .RequireAuthorization(Policies.Read)
            .WithSummary("Stakeholders by name: search in the name, filter by kind, level, country or parent institution; paged.");

    internal static async Task<Results<Ok<Page<StakeholderResponse>>, ValidationProblem>> Handle(
        ProjectsDbContext db,
        CancellationToken cancellationToken,
        string? search = null,
        string? kind = null,
        string? level = null,
        string? country = null,
        Guid? parentId = null,
        int page = 1,
        int pageSize = Paging.DefaultPageSize)
    {
        var errors = Paging.Errors(page, pageSize) ?? [];
        var stakeholderKind = QueryEnum.Parse<StakeholderKind>(kind, "kind", errors);
        var stakeholderLevel = QueryEnum.Parse<StakeholderLevel>(level, "level", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.Stakeholders.AsNoTracking();
        if (stakeholderKind is not null) query = query.Where(s => s.Kind == stakeholderKind);
        if (stakeholderLevel is not null) query = query.Where(s => s.Level == stakeholderLevel);
        if (!string.IsNullOrWhiteSpace(country)) query = query.Where(s => s.Country == country.Trim().ToUpperInvariant());
        if (parentId is not null) query = query.Where(s => s.ParentId == parentId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = Paging.ContainsPattern(search);
            query = query.Where(s => EF.Functions.ILike(s.Name, pattern, Paging.LikeEscape));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await StakeholdersApi.Responses(db, query)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<StakeholderResponse>(items, page, pageSize, total));
    }
}
