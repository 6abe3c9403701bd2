using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.DonorLinks.RevokeDonorLink;

/// <summary>Revokes a donor link at once; it is kept (revoked) so managers see what was shared and when.</summary>
internal sealed class RevokeDonorLinkEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        DonorLinksApi.ProjectLinks(app)
            .MapPost("{linkId:guid}/revoke", Handle)
            .WithName("RevokeDonorLink")
            .RequireAuthorization(Policies.Manage)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Revokes a donor link: from now on it gets 404.");

    internal static async Task<Ok<DonorLinkResponse>> Handle(Guid projectId, Guid linkId, ReportsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var link = await db.DonorLinks.SingleOrDefaultAsync(l => l.Id == linkId && l.ProjectId == projectId, cancellationToken)
            ?? throw new NotFoundException("Donor link", linkId);
        var now = clock.GetUtcNow();
        link.RevokedAt ??= now;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(DonorLinkResponse.Of(link, now));
    }
}
