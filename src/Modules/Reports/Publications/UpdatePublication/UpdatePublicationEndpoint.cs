using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Reports.Contracts;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.Publications.UpdatePublication;

/// <summary>
/// Edits a publication. A published one goes out again in full as PublicationPublished, so Projects keeps
/// its activities in step (and withdraws them from projects no longer linked).
/// </summary>
internal sealed class UpdatePublicationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        PublicationsApi.Publications(app)
            .MapPut("{id:guid}", Handle)
            .WithName("UpdatePublication")
            .RequireAuthorization(Policies.Write)
            .WithValidation<PublicationRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Edits a publication (send the version you read).");

    internal static async Task<Results<Ok<PublicationResponse>, ValidationProblem>> Handle(
        Guid id, PublicationRequest request, ReportsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var publication = await db.Publications.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("Publication", id);
        var errors = new Dictionary<string, string[]>();
        await db.CheckProjectsAsync(request.ProjectIds, errors, cancellationToken);
        if (request.Version is null)
        {
            errors["version"] = [PublicationLimits.VersionMissing];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await db.EnsurePublicationIsNewAsync(request.Title, except: id, cancellationToken);

        db.Entry(publication).Property(p => p.Version).OriginalValue = request.Version!.Value;
        // Staff link and unlink their own projects only; others' links stay as they are (ADR 0016).
        db.Access.EnsureMayRelink(publication.ProjectIds, request.ProjectIds ?? []);
        PublicationRequestValidator.Apply(request, publication);
        publication.UpdatedAt = clock.GetUtcNow();
        if (publication.Status == PublicationStatus.Published)
        {
            db.AddIntegrationEvent(publication.ToEvent(publication.UpdatedAt.Value));
        }
        await db.SaveChangesAsync(cancellationToken);
        var recommendations = await db.RecommendationsOf(id, cancellationToken);
        return TypedResults.Ok(PublicationResponse.From(publication, recommendations));
    }
}
