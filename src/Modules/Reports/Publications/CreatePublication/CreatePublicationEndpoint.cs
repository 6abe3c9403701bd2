using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Reports.Contracts;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.Publications.CreatePublication;

/// <summary>Records a publication as a draft; nothing goes out until it is published.</summary>
internal sealed class CreatePublicationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        PublicationsApi.Publications(app)
            .MapPost("", Handle)
            .WithName("CreatePublication")
            .RequireAuthorization(Policies.Write)
            .WithValidation<PublicationRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Records a publication as a draft.");

    internal static async Task<Results<Created<PublicationResponse>, ValidationProblem>> Handle(
        PublicationRequest request, ClaimsPrincipal user, ReportsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        await db.CheckProjectsAsync(request.ProjectIds, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await db.EnsurePublicationIsNewAsync(request.Title, except: null, cancellationToken);

        var publication = new Publication
        {
            Id = Guid.CreateVersion7(), Title = "", Status = PublicationStatus.Draft, CreatedBy = user.UserId(), CreatedAt = clock.GetUtcNow(),
        };
        // Staff link and unlink their own projects only; others' links stay as they are (ADR 0016).
        db.Access.EnsureMayRelink(publication.ProjectIds, request.ProjectIds ?? []);
        PublicationRequestValidator.Apply(request, publication);
        db.Publications.Add(publication);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/publications/{publication.Id}", PublicationResponse.From(publication, []));
    }
}
