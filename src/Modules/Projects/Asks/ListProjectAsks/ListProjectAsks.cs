using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Asks.ListAsks;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Projects;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Asks.ListProjectAsks;

internal sealed class ListProjectAsksEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        AsksApi.ProjectGroup(app)
            .MapGet("", Handle)
            .WithName("ListProjectAsks")
            .RequireAuthorization(Policies.Read)
            .WithSummary("A project's asks, newest opened first, with the same filters as /api/asks.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<Page<AskResponse>>, ValidationProblem>> Handle(
        Guid projectId,
        ProjectsDbContext db,
        CancellationToken cancellationToken,
        string? status = null,
        string? source = null,
        Guid? targetId = null,
        string? search = null,
        int page = 1,
        int pageSize = Paging.DefaultPageSize)
    {
        await db.EnsureProjectExistsAsync(projectId, cancellationToken);
        return await AskQuery.PageAsync(db, projectId, status, source, targetId, search, page, pageSize, cancellationToken);
    }
}
