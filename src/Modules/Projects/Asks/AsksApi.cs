using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Stakeholders;

namespace Advocacy.Modules.Projects.Asks;

internal static class AsksApi
{
    /// <summary>Asks across projects: list, read, edit, change status.</summary>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder app) => app.MapGroup("/api/asks").WithTags("Asks");

    /// <summary>A project's asks: write one, list them.</summary>
    public static RouteGroupBuilder ProjectGroup(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/projects/{projectId:guid}/asks").WithTags("Asks");

    /// <summary>The ask with its history, tracked; 404 when it does not exist.</summary>
    public static async Task<Ask> FindAsync(ProjectsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Asks.Include(a => a.History).SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
        ?? throw new NotFoundException("Ask", id);

    /// <summary>The asks as the API returns them, their targets named.</summary>
    public static async Task<List<AskResponse>> ResponsesAsync(ProjectsDbContext db, IReadOnlyList<Ask> asks, CancellationToken cancellationToken)
    {
        var targets = await AskRules.TargetsAsync(db, asks, cancellationToken);
        return asks.Select(a => AskResponse.From(a, targets)).ToList();
    }

    /// <summary>One ask's whole state for other modules, published with the change that made it.</summary>
    public static async Task<AskChanged> ChangedAsync(ProjectsDbContext db, Ask ask, DateTimeOffset occurredAt, CancellationToken cancellationToken) =>
        new(ask.ToDetails(await AskRules.TargetsAsync(db, [ask], cancellationToken)), occurredAt);
}

/// <summary>A stakeholder an ask or an outcome names.</summary>
internal sealed record NamedStakeholder(Guid Id, string Name, StakeholderKind Kind)
{
    public static NamedStakeholder From(Guid id, IReadOnlyDictionary<Guid, Stakeholder> stakeholders) =>
        stakeholders.TryGetValue(id, out var s) ? new(id, s.Name, s.Kind) : new(id, "", StakeholderKind.Other);
}

/// <summary>One change of an ask's status as the API returns it.</summary>
internal sealed record AskStatusChangeResponse(
    AskStatus From, AskStatus To, DateOnly ChangedOn, string? Note, string ChangedBy, string ChangedByName, DateTimeOffset RecordedAt);

/// <summary>
/// An ask as the API returns it. <see cref="Text"/> is in the language Accept-Language asks for when there is
/// that version, else <see cref="DefaultText"/>; <see cref="History"/> is oldest first.
/// </summary>
internal sealed record AskResponse(
    Guid Id,
    Guid ProjectId,
    string Text,
    string DefaultText,
    Dictionary<string, string> TextTranslations,
    List<NamedStakeholder> Targets,
    AskSource Source,
    Guid? SourceId,
    string? SourceTitle,
    AskStatus Status,
    DateOnly OpenedOn,
    DateOnly? ClosedOn,
    List<AskStatusChangeResponse> History,
    string CreatedBy,
    string CreatedByName,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    uint Version)
{
    public static AskResponse From(Ask a, IReadOnlyDictionary<Guid, Stakeholder> stakeholders) => new(
        a.Id, a.ProjectId, Translations.Pick(a.Text, a.TextTranslations), a.Text, Translations.ToMap(a.TextTranslations),
        a.TargetStakeholderIds.Select(id => NamedStakeholder.From(id, stakeholders)).ToList(),
        a.Source, a.SourceId, a.SourceTitle, a.Status, a.OpenedOn, a.ClosedOn,
        a.History.OrderBy(h => h.RecordedAt).ThenBy(h => h.Id)
            .Select(h => new AskStatusChangeResponse(h.From, h.To, h.ChangedOn, h.Note, h.ChangedBy, h.ChangedByName, h.RecordedAt)).ToList(),
        a.CreatedBy, a.CreatedByName, a.CreatedAt, a.UpdatedAt, a.Version);
}
