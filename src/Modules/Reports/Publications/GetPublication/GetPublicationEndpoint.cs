using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Reports.Contracts;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.Publications.GetPublication;

internal sealed class GetPublicationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        PublicationsApi.Publications(app)
            .MapGet("{id:guid}", Handle)
            .WithName("GetPublication")
            .RequireAuthorization(Policies.Read)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A publication with its recommendations and their status history.");

    internal static async Task<Ok<PublicationResponse>> Handle(Guid id, ReportsDbContext db, CancellationToken cancellationToken)
    {
        var publication = await db.Publications.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("Publication", id);
        return TypedResults.Ok(PublicationResponse.From(publication, await db.RecommendationsOf(id, cancellationToken)));
    }
}
