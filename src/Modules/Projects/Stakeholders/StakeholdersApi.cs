using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;

namespace Advocacy.Modules.Projects.Stakeholders;

internal static class StakeholdersApi
{
    /// <summary>The institutions and people advocacy is aimed at.</summary>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder app) => app.MapGroup("/api/stakeholders").WithTags("Stakeholders");

    /// <summary>The stakeholder with its parent's name; 404 when it does not exist.</summary>
    public static async Task<StakeholderResponse> ResponseAsync(ProjectsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await Responses(db, db.Stakeholders.AsNoTracking().Where(s => s.Id == id)).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Stakeholder", id);

    /// <summary>The stakeholders as the API returns them, with their parent's name, by name.</summary>
    public static IQueryable<StakeholderResponse> Responses(ProjectsDbContext db, IQueryable<Stakeholder> stakeholders) =>
        from s in stakeholders
        join p in db.Stakeholders on s.ParentId equals p.Id into parents
        from p in parents.DefaultIfEmpty()
        orderby s.Name, s.Id
        select new StakeholderResponse(
            s.Id, s.Name, s.Kind, s.Level, s.Country, s.ParentId, p == null ? null : p.Name, s.Function, s.Party,
            s.CreatedAt, s.UpdatedAt, s.Version);
}

/// <summary>A stakeholder as the API returns it; <see cref="ParentName"/> is the institution it belongs to.</summary>
internal sealed record StakeholderResponse(
    Guid Id,
    string Name,
    StakeholderKind Kind,
    StakeholderLevel Level,
    string? Country,
    Guid? ParentId,
    string? ParentName,
    string? Function,
    string? Party,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    uint Version);
