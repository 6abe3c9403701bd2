using Advocacy.BuildingBlocks.Authorization;
using Advocacy.Modules.Coalitions.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Coalitions.Coalitions.GetCoalition;

internal sealed class GetCoalitionEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        CoalitionsApi.Group(app)
            .MapGet("{id:guid}", Handle)
            .WithName("GetCoalition")
            .RequireAuthorization(Policies.Read)
            .WithSummary("A coalition with its member organisations.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<CoalitionResponse>> Handle(Guid id, CoalitionsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(CoalitionResponse.From(await db.FindCoalitionAsync(id, cancellationToken, withMembers: true)));
}
