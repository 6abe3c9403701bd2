using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Results.DisaggregationSets.CreateDisaggregationSet;

internal sealed class CreateDisaggregationSetEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        DisaggregationSetsApi.Group(app)
            .MapPost("", Handle)
            .WithName("CreateDisaggregationSet")
            .RequireAuthorization(Policies.Write)
            .WithValidation<DisaggregationSetRequest>()
            .WithSummary("Defines a disaggregation set once (name, dimension, categories) for indicators to reuse.")
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Created<DisaggregationSetResponse>> Handle(
        DisaggregationSetRequest request, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var name = request.Name.Trim();
        await DisaggregationSetsApi.EnsureNameIsFreeAsync(db, name, exceptId: null, cancellationToken);
        var set = new DisaggregationSet
        {
            Id = Guid.CreateVersion7(), Name = name, Dimension = request.Dimension!.Value,
            Categories = request.NormalizedCategories(), CreatedAt = clock.GetUtcNow(),
        };
        db.DisaggregationSets.Add(set);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/disaggregation-sets/{set.Id}", DisaggregationSetResponse.From(set, 0));
    }
}
