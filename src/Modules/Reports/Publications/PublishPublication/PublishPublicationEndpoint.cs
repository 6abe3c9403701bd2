using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Reports.Contracts;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.Publications.PublishPublication;

/// <summary>
/// Publishes a draft: it goes out as PublicationPublished, through the outbox in the same transaction, so
/// Projects records it as an activity of each linked project. A publication is published once.
/// </summary>
internal sealed class PublishPublicationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        PublicationsApi.Publications(app)
            .MapPost("{id:guid}/publish", Handle)
            .WithName("PublishPublication")
            .RequireAuthorization(Policies.Write)
            .WithValidation<PublishRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Publishes a draft publication on a day (send the version you read).");

    internal static async Task<Ok<PublicationResponse>> Handle(
        Guid id, PublishRequest request, ReportsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var publication = await db.Publications.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("Publication", id);
        if (publication.Status == PublicationStatus.Published)
        {
            throw new ConflictException($"The publication was already published on {publication.PublishedOn:yyyy-MM-dd}.");
        }
        db.Entry(publication).Property(p => p.Version).OriginalValue = request.Version!.Value;
        publication.Status = PublicationStatus.Published;
        publication.PublishedOn = request.PublishedOn!.Value;
        publication.UpdatedAt = clock.GetUtcNow();
        db.AddIntegrationEvent(publication.ToEvent(publication.UpdatedAt.Value));
        await db.SaveChangesAsync(cancellationToken);
        var recommendations = await db.RecommendationsOf(id, cancellationToken);
        return TypedResults.Ok(PublicationResponse.From(publication, recommendations));
    }
}
