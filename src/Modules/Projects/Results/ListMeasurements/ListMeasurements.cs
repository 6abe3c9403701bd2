using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Results.ListMeasurements;

internal sealed class ListMeasurementsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ResultsApi.Group(app)
            .MapGet("indicators/{indicatorId:guid}/measurements", Handle)
            .WithName("ListMeasurements")
            .RequireAuthorization(Policies.Read)
            .WithSummary("The indicator's measurements with their slices, by period.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<Page<MeasurementResponse>>, ValidationProblem>> Handle(
        Guid projectId,
        Guid indicatorId,
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

        var query = db.Measurements.AsNoTracking().Where(m => m.IndicatorId == indicator.Id);
        var total = await query.CountAsync(cancellationToken);
        var measurements = await query
            .OrderBy(m => m.PeriodStart).ThenBy(m => m.PeriodEnd)
            .ThenBy(m => m.Audience).ThenBy(m => m.Gender).ThenBy(m => m.AgeBand).ThenBy(m => m.Country).ThenBy(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<MeasurementResponse>(measurements.Select(m => MeasurementResponse.From(m)).ToList(), page, pageSize, total));
    }
}
