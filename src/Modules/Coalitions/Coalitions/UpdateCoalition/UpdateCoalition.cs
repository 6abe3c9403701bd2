using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Coalitions.Data;
using Advocacy.Modules.Coalitions.Shared;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Coalitions.Coalitions.UpdateCoalition;

/// <summary>Edits a coalition: its name, level, our role, when we joined or left. Members have their own endpoints.</summary>
internal sealed class UpdateCoalitionEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        CoalitionsApi.Group(app)
            .MapPut("{id:guid}", Handle)
            .WithName("UpdateCoalition")
            .RequireAuthorization(Policies.Write)
            .WithValidation<CoalitionRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<CoalitionResponse>, ValidationProblem>> Handle(
        Guid id, CoalitionRequest request, CoalitionsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var coalition = await db.FindCoalitionAsync(id, cancellationToken, withMembers: true);
        var errors = new Dictionary<string, string[]>();
        LinkChecks.RequireVersion(request.Version, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await db.EnsureNameIsFreeAsync(request.Name.Trim(), except: id, cancellationToken);

        // A stale version makes SaveChanges throw; the exception handler answers 409.
        db.Entry(coalition).Property(c => c.Version).OriginalValue = request.Version!.Value;
        CoalitionRequestValidator.Apply(request, coalition);
        coalition.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CoalitionResponse.From(coalition));
    }
}
