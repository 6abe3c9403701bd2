using System.Globalization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Reference;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Projects;

namespace Advocacy.Modules.Projects.Deliverables;

internal static class DeliverablesApi
{
    /// <summary>The route group of a project's deliverables, tagged for the OpenAPI document.</summary>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/projects/{projectId:guid}/deliverables").WithTags("Deliverables");

    /// <summary>
    /// A known language tag as stored, in its canonical casing ("FR" → "fr", "pt-br" → "pt-BR"), so one
    /// language has one version. Only for tags <see cref="Languages.IsKnown"/> accepts.
    /// </summary>
    public static string CanonicalLanguage(string tag) => CultureInfo.GetCultureInfo(tag.Trim(), predefinedOnly: true).Name;

    /// <summary>The deliverable of the project; 404 for an unknown project, or a deliverable unknown or of another project.</summary>
    public static async Task<Deliverable> FindDeliverableAsync(
        ProjectsDbContext db, Guid projectId, Guid deliverableId, CancellationToken cancellationToken)
    {
        await db.EnsureProjectExistsAsync(projectId, cancellationToken);
        return await db.Deliverables.SingleOrDefaultAsync(d => d.Id == deliverableId && d.ProjectId == projectId, cancellationToken)
            ?? throw new NotFoundException("Deliverable", deliverableId);
    }
}

/// <summary>A deliverable with its language versions, by language tag.</summary>
internal sealed record DeliverableResponse(
    Guid Id,
    Guid ProjectId,
    string Title,
    DeliverableKind Kind,
    string? Description,
    List<LanguageVersionResponse> Languages,
    DateTimeOffset CreatedAt,
    uint Version)
{
    public static DeliverableResponse From(Deliverable d) => new(
        d.Id, d.ProjectId, d.Title, d.Kind, d.Description,
        d.Languages.OrderBy(l => l.Language, StringComparer.Ordinal).Select(LanguageVersionResponse.From).ToList(),
        d.CreatedAt, d.Version);
}

/// <summary>One language version of a deliverable.</summary>
internal sealed record LanguageVersionResponse(
    string Language, LanguageVersionStatus Status, DateOnly? PublishedOn, string? Url, DateTimeOffset UpdatedAt)
{
    public static LanguageVersionResponse From(DeliverableLanguage l) => new(l.Language, l.Status, l.PublishedOn, l.Url, l.UpdatedAt);
}
