using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Projects;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.ReportingPeriods.ListPeriods;

internal sealed class ListPeriodsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ReportingPeriodsApi.ProjectGroup(app)
            .MapGet("", Handle)
            .WithName("ListProjectReportingPeriods")
            .RequireAuthorization(Policies.Read)
            .WithSummary("The project's reporting periods in date order, with their status and any change since their approval.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<Page<ReportingPeriodSummary>>, ValidationProblem>> Handle(
        Guid projectId, ProjectsDbContext db, CancellationToken cancellationToken, int page = 1, int pageSize = Paging.DefaultPageSize)
    {
        if (Paging.Errors(page, pageSize) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await db.EnsureProjectExistsAsync(projectId, cancellationToken);
        var periods = db.ReportingPeriods.AsNoTracking().Where(p => p.ProjectId == projectId);
        var total = await periods.CountAsync(cancellationToken);
        var items = await ReportingPeriodsApi.Summaries(db, periods.OrderBy(p => p.From))
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<ReportingPeriodSummary>(items, page, pageSize, total));
    }
}
