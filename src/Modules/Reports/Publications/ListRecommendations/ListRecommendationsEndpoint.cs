using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Text;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Reports.Contracts;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.Publications.ListRecommendations;

/// <summary>A recommendation with the publication that makes it, for lists across publications.</summary>
internal sealed record RecommendationListItem(
    Guid Id, Guid PublicationId, string PublicationTitle, DateOnly? PublishedOn, string Text,
    RecommendationAddressee AddressedTo, RecommendationStatus Status, uint Version);

internal sealed class ListRecommendationsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        PublicationsApi.Recommendations(app)
            .MapGet("", Handle)
            .WithName("ListRecommendations")
            .RequireAuthorization(Policies.Read)
            .WithSummary("Recommendations across publications, filtered by status (e.g. open) and addressee, latest publications first.");

    internal static async Task<Results<Ok<Page<RecommendationListItem>>, ValidationProblem>> Handle(
        ReportsDbContext db,
        CancellationToken cancellationToken,
        string? status = null,
        string? addressedTo = null,
        Guid? publicationId = null,
        int page = 1,
        int pageSize = Paging.DefaultPageSize)
    {
        var errors = Paging.ListErrors(page, pageSize);
        var recommendationStatus = QueryEnum.Parse<RecommendationStatus>(status, "status", errors);
        var addressee = QueryEnum.Parse<RecommendationAddressee>(addressedTo, "addressedTo", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query =
            from r in db.Recommendations.AsNoTracking()
            join p in db.Publications on r.PublicationId equals p.Id
            select new { r, p };
        if (recommendationStatus is not null) query = query.Where(x => x.r.Status == recommendationStatus);
        if (addressee is not null) query = query.Where(x => x.r.AddressedTo == addressee);
        if (publicationId is not null) query = query.Where(x => x.r.PublicationId == publicationId);
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(x => x.p.PublishedOn).ThenBy(x => x.p.Id).ThenBy(x => x.r.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new { x.r, x.p.Id, x.p.Title, x.p.TitleTranslations, x.p.PublishedOn })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<RecommendationListItem>(items.Select(x => new RecommendationListItem(
            x.r.Id, x.Id, Translations.Pick(x.Title, x.TitleTranslations), x.PublishedOn, x.r.Text, x.r.AddressedTo, x.r.Status, x.r.Version)).ToList(),
            page, pageSize, total));
    }
}
