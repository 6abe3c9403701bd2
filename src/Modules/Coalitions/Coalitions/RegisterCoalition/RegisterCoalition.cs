using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Coalitions.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Coalitions.Coalitions.RegisterCoalition;

/// <summary>Registers a coalition or platform the organisation belongs to; names are unique.</summary>
internal sealed class RegisterCoalitionEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        CoalitionsApi.Group(app)
            .MapPost("", Handle)
            .WithName("RegisterCoalition")
            .RequireAuthorization(Policies.Write)
            .WithValidation<CoalitionRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Created<CoalitionResponse>> Handle(
        CoalitionRequest request, CoalitionsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await db.EnsureNameIsFreeAsync(request.Name.Trim(), except: null, cancellationToken);
        var now = clock.GetUtcNow();
        var coalition = new Coalition { Id = Guid.CreateVersion7(), Name = "", CreatedAt = now, UpdatedAt = now };
        CoalitionRequestValidator.Apply(request, coalition);
        db.Coalitions.Add(coalition);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/coalitions/{coalition.Id}", CoalitionResponse.From(coalition));
    }
}
