using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Reports.Contracts;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.Publications.AddRecommendation;

/// <summary>Adds a recommendation to a publication; it starts open.</summary>
internal sealed class AddRecommendationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        PublicationsApi.Publications(app)
            .MapPost("{id:guid}/recommendations", Handle)
            .WithName("AddRecommendation")
            .RequireAuthorization(Policies.Write)
            .WithValidation<RecommendationRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Adds a recommendation to a publication.");

    internal static async Task<Created<RecommendationResponse>> Handle(
        Guid id, RecommendationRequest request, ReportsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.Publications.AnyAsync(p => p.Id == id, cancellationToken))
        {
            throw new NotFoundException("Publication", id);
        }
        await db.EnsureRecommendationIsNewAsync(id, request.Text, except: null, cancellationToken);
        var recommendation = new Recommendation
        {
            Id = Guid.CreateVersion7(), PublicationId = id, Text = request.Text.Trim(), AddressedTo = request.AddressedTo!.Value,
            Status = RecommendationStatus.Open, CreatedAt = clock.GetUtcNow(),
        };
        db.Recommendations.Add(recommendation);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/recommendations/{recommendation.Id}", RecommendationResponse.From(recommendation));
    }
}
