using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Reports.Contracts;
using Advocacy.Modules.Reports.Data;

namespace Advocacy.Modules.Reports.Publications;

/// <summary>The limits every write of publications and recommendations applies.</summary>
internal static class PublicationLimits
{
    public const int Title = 300;

    public const int Text = 4000;

    public const int Url = 500;

    public const int PerRecord = 50;

    public static readonly DateOnly EarliestDate = new(1990, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    public static string VersionMissing => SharedMessages.VersionMissing;



}

internal static class PublicationsApi
{
    public const string Tag = "Publications";

    /// <summary>The organisation's publications.</summary>
    public static RouteGroupBuilder Publications(IEndpointRouteBuilder app) => app.MapGroup("/api/publications").WithTags(Tag);

    /// <summary>Recommendations, across publications.</summary>
    public static RouteGroupBuilder Recommendations(IEndpointRouteBuilder app) => app.MapGroup("/api/recommendations").WithTags(Tag);

    /// <summary>Adds an error on <c>projectIds</c> naming the projects Reports does not know.</summary>
    public static async Task CheckProjectsAsync(
        this ReportsDbContext db, IReadOnlyCollection<Guid>? projectIds, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (projectIds is not { Count: > 0 })
        {
            return;
        }
        var known = await db.ProjectSummaries.Where(p => projectIds.Contains(p.ProjectId)).Select(p => p.ProjectId).ToListAsync(cancellationToken);
        var unknown = projectIds.Except(known).ToList();
        if (unknown.Count > 0)
        {
            errors["projectIds"] = [$"Unknown projects: {string.Join(", ", unknown)}."];
        }
    }

    /// <summary>409 when another publication has the same title (whatever the case).</summary>
    public static async Task EnsurePublicationIsNewAsync(this ReportsDbContext db, string title, Guid? except, CancellationToken cancellationToken)
    {
        var lower = title.Trim().ToLowerInvariant();
        if (await db.Publications.AnyAsync(p => p.Title.ToLower() == lower && p.Id != except, cancellationToken))
        {
            throw new ConflictException($"A publication '{title.Trim()}' is already recorded.");
        }
    }

    /// <summary>409 when the publication already has a recommendation with this text (whatever the case).</summary>
    public static async Task EnsureRecommendationIsNewAsync(
        this ReportsDbContext db, Guid publicationId, string text, Guid? except, CancellationToken cancellationToken)
    {
        var lower = text.Trim().ToLowerInvariant();
        if (await db.Recommendations.AnyAsync(r => r.PublicationId == publicationId && r.Text.ToLower() == lower && r.Id != except, cancellationToken))
        {
            throw new ConflictException("The publication already makes this recommendation.");
        }
    }
}

/// <summary>A publication as the API returns it; with its recommendations when read alone.</summary>
internal sealed record PublicationResponse(
    Guid Id,
    string Title,
    PublicationType Type,
    string? Description,
    PublicationStatus Status,
    DateOnly? PublishedOn,
    List<string> Languages,
    string? Link,
    List<Guid> ProjectIds,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt,
    uint Version,
    Dictionary<string, string> TitleTranslations,
    List<RecommendationResponse>? Recommendations = null)
{
    /// <summary>The publication with its title in the language the request asks for (Accept-Language), else the default.</summary>
    public static PublicationResponse From(Publication p, List<RecommendationResponse>? recommendations = null) => new(
        p.Id, Translations.Pick(p.Title, p.TitleTranslations), p.Type, p.Description, p.Status, p.PublishedOn, p.Languages, p.Link, p.ProjectIds,
        p.CreatedBy, p.CreatedAt, p.UpdatedAt, p.Version, Translations.ToMap(p.TitleTranslations), recommendations);
}

/// <summary>One change of a recommendation's status.</summary>
internal sealed record StatusChangeResponse(
    RecommendationStatus From, RecommendationStatus To, DateOnly ChangedOn, string? Evidence, string ChangedBy, DateTimeOffset RecordedAt)
{
    public static StatusChangeResponse Of(RecommendationStatusChange c) => new(c.From, c.To, c.ChangedOn, c.Evidence, c.ChangedBy, c.RecordedAt);
}

/// <summary>A recommendation with its status history, oldest first.</summary>
internal sealed record RecommendationResponse(
    Guid Id,
    Guid PublicationId,
    string Text,
    RecommendationAddressee AddressedTo,
    RecommendationStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt,
    uint Version,
    List<StatusChangeResponse> History)
{
    public static RecommendationResponse From(Recommendation r) => new(
        r.Id, r.PublicationId, r.Text, r.AddressedTo, r.Status, r.CreatedAt, r.UpdatedAt, r.Version,
        r.History.OrderBy(h => h.RecordedAt).ThenBy(h => h.Id).Select(StatusChangeResponse.Of).ToList());
}

internal static class PublicationQueries
{
    /// <summary>A publication's recommendations with their history, oldest first.</summary>
    public static async Task<List<RecommendationResponse>> RecommendationsOf(this ReportsDbContext db, Guid publicationId, CancellationToken cancellationToken)
    {
        var recommendations = await db.Recommendations.AsNoTracking().Include(r => r.History)
            .Where(r => r.PublicationId == publicationId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return recommendations.Select(RecommendationResponse.From).ToList();
    }
}
