using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Activities;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Results.ListMeasurementSources;

/// <summary>The activities a computed measurement counted, by date: what produced the figure.</summary>
internal sealed class ListMeasurementSourcesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ResultsApi.Group(app)
            .MapGet("indicators/{indicatorId:guid}/measurements/{measurementId:guid}/sources", Handle)
            .WithName("ListMeasurementSources")
            .RequireAuthorization(Policies.Read)
            .WithSummary("The activities a computed measurement counted, by date (none for a typed value).")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<Page<ActivityResponse>>, ValidationProblem>> Handle(
        Guid projectId,
        Guid indicatorId,
        Guid measurementId,
        ProjectsDbContext db,
        CancellationToken cancellationToken,
        int page = 1,
        int pageSize = Paging.DefaultPageSize)
    {
        if (Paging.Errors(page, pageSize) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var indicator = await ResultsApi.FindIndicatorAsync(db, projectId, indicatorId, cancellationToken);
        var sources = await db.Measurements.AsNoTracking()
            .Where(m => m.Id == measurementId && m.IndicatorId == indicator.Id)
            .Select(m => m.SourceActivityIds)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Measurement", measurementId);

        var activities = await db.Activities.AsNoTracking()
            .Where(a => sources.Contains(a.Id))
            .OrderBy(a => a.Date).ThenBy(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<ActivityResponse>(activities.Select(ActivityResponse.From).ToList(), page, pageSize, sources.Count));
    }
}
