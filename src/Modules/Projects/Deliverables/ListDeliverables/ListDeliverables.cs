using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Projects;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Deliverables.ListDeliverables;

internal sealed class ListDeliverablesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        DeliverablesApi.Group(app)
            .MapGet("", Handle)
            .WithName("ListDeliverables")
            .RequireAuthorization(Policies.Read)
            .WithSummary("The project's deliverables by title, each with its language versions.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<Page<DeliverableResponse>>, ValidationProblem>> Handle(
        Guid projectId,
        ProjectsDbContext db,
        CancellationToken cancellationToken,
        int page = 1,
        int pageSize = Paging.DefaultPageSize)
    {
        if (Paging.Errors(page, pageSize) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await db.EnsureProjectExistsAsync(projectId, cancellationToken);

        var query = db.Deliverables.AsNoTracking().Where(d => d.ProjectId == projectId);
        var total = await query.CountAsync(cancellationToken);
        var deliverables = await query
            .OrderBy(d => d.Title).ThenBy(d => d.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Include(d => d.Languages)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<DeliverableResponse>(deliverables.Select(DeliverableResponse.From).ToList(), page, pageSize, total));
    }
}
