using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Asks.ListAsks;

internal sealed class ListAsksEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        AsksApi.Group(app)
            .MapGet("", Handle)
            .WithName("ListAsks")
            .RequireAuthorization(Policies.Read)
            .WithSummary("Asks across projects, newest opened first: filter by project, status, source, target stakeholder, or a search in the text.");

    internal static Task<Results<Ok<Page<AskResponse>>, ValidationProblem>> Handle(
        ProjectsDbContext db,
        CancellationToken cancellationToken,
        Guid? projectId = null,
        string? status = null,
        string? source = null,
        Guid? targetId = null,
        string? search = null,
        int page = 1,
        int pageSize = Paging.DefaultPageSize) =>
        AskQuery.PageAsync(db, projectId, status, source, targetId, search, page, pageSize, cancellationToken);
}
