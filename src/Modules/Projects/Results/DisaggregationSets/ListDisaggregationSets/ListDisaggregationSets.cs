using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Results.DisaggregationSets.ListDisaggregationSets;

internal sealed class ListDisaggregationSetsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        DisaggregationSetsApi.Group(app)
            .MapGet("", List)
            .WithName("ListDisaggregationSets")
            .RequireAuthorization(Policies.Read)
            .WithSummary("The organisation's disaggregation sets by name, optionally of one dimension.");
        DisaggregationSetsApi.Group(app)
            .MapGet("{id:guid}", Get)
            .WithName("GetDisaggregationSet")
            .RequireAuthorization(Policies.Read)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <remarks>The organisation keeps a handful of sets: the list is not paged.</remarks>
    internal static async Task<Results<Ok<List<DisaggregationSetResponse>>, ValidationProblem>> List(
        ProjectsDbContext db, CancellationToken cancellationToken, string? dimension = null)
    {
        var errors = new Dictionary<string, string[]>();
        var only = QueryEnum.Parse<DisaggregationDimension>(dimension, "dimension", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var query = db.DisaggregationSets.AsNoTracking();
        if (only is not null)
        {
            query = query.Where(s => s.Dimension == only);
        }
        var sets = await query.OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var usage = await UsageAsync(db, cancellationToken);
        return TypedResults.Ok(sets.Select(s => DisaggregationSetResponse.From(s, usage.GetValueOrDefault(s.Id))).ToList());
    }

    internal static async Task<Ok<DisaggregationSetResponse>> Get(Guid id, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        var set = await DisaggregationSetsApi.FindAsync(db, id, cancellationToken);
        var used = await db.Indicators.CountAsync(i => i.DisaggregationSetIds.Contains(id), cancellationToken);
        return TypedResults.Ok(DisaggregationSetResponse.From(set, used));
    }

    private static async Task<Dictionary<Guid, int>> UsageAsync(ProjectsDbContext db, CancellationToken cancellationToken) =>
        (await db.Indicators.AsNoTracking().Where(i => i.DisaggregationSetIds.Count > 0).Select(i => i.DisaggregationSetIds).ToListAsync(cancellationToken))
            .SelectMany(ids => ids).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
}
