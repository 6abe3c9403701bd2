using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Results.DisaggregationSets.UpdateDisaggregationSet;

internal sealed class UpdateDisaggregationSetEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        DisaggregationSetsApi.Group(app)
            .MapPut("{id:guid}", Handle)
            .WithName("UpdateDisaggregationSet")
            .RequireAuthorization(Policies.Write)
            .WithValidation<DisaggregationSetRequest>()
            .WithSummary("Renames a set or changes its categories. While indicators use it, its dimension stays, and a category "
                + "that values are recorded for stays (409).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<DisaggregationSetResponse>, ValidationProblem>> Handle(
        Guid id, DisaggregationSetRequest request, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        // Sets are the organisation's: every project's values broken down by one must still add up.
        db.SeeAllProjects();
        if (request.Version is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["version"] = ["Send the version you read, so a concurrent edit is not overwritten."],
            });
        }
        var set = await DisaggregationSetsApi.FindAsync(db, id, cancellationToken);
        var name = request.Name.Trim();
        await DisaggregationSetsApi.EnsureNameIsFreeAsync(db, name, set.Id, cancellationToken);
        var categories = request.NormalizedCategories();
        var users = await db.Indicators.AsNoTracking().Where(i => i.DisaggregationSetIds.Contains(id)).Select(i => i.Id).ToListAsync(cancellationToken);
        if (users.Count > 0 && request.Dimension != set.Dimension)
        {
            throw new ConflictException(
                $"{users.Count} indicator(s) break their values down by this set: its dimension ({DisaggregationCategories.Name(set.Dimension)}) cannot change. "
                + "Define a new set for the other dimension.");
        }
        var removed = set.Categories.Except(categories).ToList();
        if (users.Count > 0 && removed.Count > 0)
        {
            var slices = await db.Measurements.AsNoTracking()
                .Where(m => users.Contains(m.IndicatorId) && (m.Audience != null || m.Gender != null || m.AgeBand != null || m.Country != null))
                .ToListAsync(cancellationToken);
            var inUse = removed.Where(c => slices.Any(m => DisaggregationCategories.Of(m, set.Dimension) == c)).ToList();
            if (inUse.Count > 0)
            {
                throw new ConflictException(
                    $"Values are recorded for {string.Join(", ", inUse)} on indicators using this set: those categories cannot be removed.");
            }
        }

        // A stale version makes SaveChanges throw; the exception handler answers 409.
        db.Entry(set).Property(s => s.Version).OriginalValue = request.Version.Value;
        (set.Name, set.Dimension, set.Categories) = (name, request.Dimension!.Value, categories);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(DisaggregationSetResponse.From(set, users.Count));
    }
}
