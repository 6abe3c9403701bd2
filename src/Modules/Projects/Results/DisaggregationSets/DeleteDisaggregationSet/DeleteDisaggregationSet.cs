using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Results.DisaggregationSets.DeleteDisaggregationSet;

internal sealed class DeleteDisaggregationSetEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        DisaggregationSetsApi.Group(app)
            .MapDelete("{id:guid}", Handle)
            .WithName("DeleteDisaggregationSet")
            .RequireAuthorization(Policies.Write)
            .WithSummary("Deletes a set no indicator uses (409 otherwise).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<NoContent> Handle(Guid id, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        // Sets are the organisation's: every project's indicators using one count, seen or not.
        db.SeeAllProjects();
        var set = await DisaggregationSetsApi.FindAsync(db, id, cancellationToken);
        var codes = await db.Indicators.AsNoTracking().Where(i => i.DisaggregationSetIds.Contains(id))
            .OrderBy(i => i.Code).Select(i => i.Code).ToListAsync(cancellationToken);
        if (codes.Count > 0)
        {
            throw new ConflictException($"Indicators {string.Join(", ", codes)} break their values down by this set: remove it from them first.");
        }
        db.DisaggregationSets.Remove(set);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
