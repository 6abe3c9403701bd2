using Advocacy.BuildingBlocks.Authorization;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.DonorLinks.ListDonorLinks;

internal sealed class ListDonorLinksEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        DonorLinksApi.ProjectLinks(app)
            .MapGet("", Handle)
            .WithName("ListDonorLinks")
            .RequireAuthorization(Policies.Manage)
            .WithSummary("A project's donor links, newest first (without their tokens).");

    internal static async Task<Ok<List<DonorLinkResponse>>> Handle(Guid projectId, ReportsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var links = await db.DonorLinks.AsNoTracking().Where(l => l.ProjectId == projectId)
            .OrderByDescending(l => l.CreatedAt).Take(200).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(links.Select(l => DonorLinkResponse.Of(l, now)).ToList());
    }
}
