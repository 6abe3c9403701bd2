using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Reports.Contracts;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.Publications.UpdateRecommendation;

/// <summary>Edits a recommendation's text and addressee; its status changes go through their own endpoint.</summary>
internal sealed class UpdateRecommendationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        PublicationsApi.Recommendations(app)
            .MapPut("{id:guid}", Handle)
            .WithName("UpdateRecommendation")
            .RequireAuthorization(Policies.Write)
            .WithValidation<RecommendationRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Edits a recommendation's text and addressee (send the version you read).");

    internal static async Task<Results<Ok<RecommendationResponse>, ValidationProblem>> Handle(
        Guid id, RecommendationRequest request, ReportsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var recommendation = await db.Recommendations.Include(r => r.History).SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException("Recommendation", id);
        if (request.Version is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["version"] = [PublicationLimits.VersionMissing] });
        }
        await db.EnsureRecommendationIsNewAsync(recommendation.PublicationId, request.Text, except: id, cancellationToken);
        db.Entry(recommendation).Property(r => r.Version).OriginalValue = request.Version.Value;
        recommendation.Text = request.Text.Trim();
        recommendation.AddressedTo = request.AddressedTo!.Value;
        recommendation.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(RecommendationResponse.From(recommendation));
    }
}
