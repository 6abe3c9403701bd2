using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Reports.Contracts;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.Publications.ChangeRecommendationStatus;

/// <summary>
/// Moves a recommendation to another status on a day, with its evidence: one row appended to its history and
/// the status changed, in one transaction.
/// </summary>
internal sealed class ChangeRecommendationStatusEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        PublicationsApi.Recommendations(app)
            .MapPost("{id:guid}/status", Handle)
            .WithName("ChangeRecommendationStatus")
            .RequireAuthorization(Policies.Write)
            .WithValidation<StatusChangeRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Changes a recommendation's status, with the day and the evidence (send the version you read).");

    internal static async Task<Ok<RecommendationResponse>> Handle(
        Guid id, StatusChangeRequest request, ClaimsPrincipal user, ReportsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var recommendation = await db.Recommendations.Include(r => r.History).SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException("Recommendation", id);
        var to = request.Status!.Value;
        if (recommendation.Status == to)
        {
            throw new ConflictException($"The recommendation is already {to}.");
        }
        db.Entry(recommendation).Property(r => r.Version).OriginalValue = request.Version!.Value;
        var now = clock.GetUtcNow();
        var change = new RecommendationStatusChange
        {
            Id = Guid.CreateVersion7(), RecommendationId = id, From = recommendation.Status, To = to, ChangedOn = request.ChangedOn!.Value,
            Evidence = Input.Blank(request.Evidence), ChangedBy = user.UserId(), RecordedAt = now,
        };
        recommendation.History.Add(change);
        db.RecommendationStatusChanges.Add(change);
        recommendation.Status = to;
        recommendation.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(RecommendationResponse.From(recommendation));
    }
}
