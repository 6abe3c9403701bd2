using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.DonorLinks.CreateDonorLink;

internal sealed class CreateDonorLinkEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        DonorLinksApi.ProjectLinks(app)
            .MapPost("", Handle)
            .WithName("CreateDonorLink")
            .RequireAuthorization(Policies.Manage)
            .WithValidation<DonorLinkRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Creates a read-only link to a project's figures from approved periods, for a donor with no account.");

    internal static async Task<Created<CreatedDonorLink>> Handle(
        Guid projectId, DonorLinkRequest request, ClaimsPrincipal user, ReportsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.ProjectSummaries.AnyAsync(p => p.ProjectId == projectId, cancellationToken))
        {
            throw new NotFoundException("Project", projectId);
        }
        var now = clock.GetUtcNow();
        var token = DonorLink.NewToken();
        var link = new DonorLink
        {
            Id = Guid.CreateVersion7(), ProjectId = projectId, Label = request.Label.Trim(), TokenHash = DonorLink.Hash(token),
            ExpiresAt = now.AddDays(request.ValidForDays!.Value), CreatedBy = user.UserId(), CreatedAt = now,
        };
        db.DonorLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/reports/projects/{projectId}/donor-links/{link.Id}",
            new CreatedDonorLink(DonorLinkResponse.Of(link, now), token, $"/donor/{token}", $"/api/public/donor-links/{token}"));
    }
}
