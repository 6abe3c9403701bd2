using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Projects.ListProjects;

internal sealed class ListProjectsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ProjectsApi.Group(app)
            .MapGet("", Handle)
            .WithName("ListProjects")
            .RequireAuthorization(Policies.Read)
            .WithSummary("Projects by code, filtered by level, status, country or a search in code and name.");

    internal static async Task<Results<Ok<Page<ProjectResponse>>, ValidationProblem>> Handle(
        ProjectsDbContext db,
        CancellationToken cancellationToken,
        string? level = null,
        string? status = null,
        string? country = null,
        string? search = null,
        int page = 1,
        int pageSize = Paging.DefaultPageSize)
    {
        var errors = Paging.Errors(page, pageSize) ?? [];
        var projectLevel = QueryEnum.Parse<ProjectLevel>(level, "level", errors);
        var projectStatus = QueryEnum.Parse<ProjectStatus>(status, "status", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var query = db.Projects.AsNoTracking();
        if (projectLevel is not null) query = query.Where(p => p.Level == projectLevel);
        if (projectStatus is not null) query = query.Where(p => p.Status == projectStatus);
        if (!string.IsNullOrWhiteSpace(country)) query = query.Where(p => p.Countries.Contains(country.ToUpperInvariant()));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = Paging.ContainsPattern(search);
            query = query.Where(p => EF.Functions.ILike(p.Code, pattern, Paging.LikeEscape) || EF.Functions.ILike(p.Name, pattern, Paging.LikeEscape));
        }

        var total = await query.CountAsync(cancellationToken);
        var projects = await query.OrderBy(p => p.Code).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<ProjectResponse>(projects.Select(ProjectResponse.From).ToList(), page, pageSize, total));
    }
}
