using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Coalitions.Contracts;
using Advocacy.Modules.Coalitions.Data;

namespace Advocacy.Modules.Coalitions.Coalitions;

internal static class CoalitionsApi
{
    /// <summary>The route group every coalitions endpoint hangs from, tagged for the OpenAPI document.</summary>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder app) => app.MapGroup("/api/coalitions").WithTags("Coalitions");

    /// <summary>The coalition, tracked; 404 when it does not exist.</summary>
    public static async Task<Coalition> FindCoalitionAsync(
        this CoalitionsDbContext db, Guid id, CancellationToken cancellationToken, bool withMembers = false)
    {
        IQueryable<Coalition> query = withMembers ? db.Coalitions.Include(c => c.Members) : db.Coalitions;
        return await query.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("Coalition", id);
    }

    /// <summary>409 when another coalition already has this name, whatever the case.</summary>
    public static async Task EnsureNameIsFreeAsync(this CoalitionsDbContext db, string name, Guid? except, CancellationToken cancellationToken)
    {
        var lower = name.ToLowerInvariant();
        if (await db.Coalitions.AnyAsync(c => c.Name.ToLower() == lower && c.Id != except, cancellationToken))
        {
            throw new ConflictException($"The coalition '{name}' is already registered.");
        }
    }
}

/// <summary>A member organisation as the API returns it.</summary>
internal sealed record MemberResponse(Guid Id, string Name, string? Country)
{
    public static MemberResponse From(CoalitionMember m) => new(m.Id, m.Name, m.Country);
}

/// <summary>A coalition with its member organisations.</summary>
internal sealed record CoalitionResponse(
    Guid Id,
    string Name,
    CoalitionLevel Level,
    string? Website,
    CoalitionRole OurRole,
    DateOnly? JoinedOn,
    DateOnly? LeftOn,
    string? Description,
    List<MemberResponse> Members,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    uint Version)
{
    public static CoalitionResponse From(Coalition c) => new(
        c.Id, c.Name, c.Level, c.Website, c.OurRole, c.JoinedOn, c.LeftOn, c.Description,
        c.Members.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).Select(MemberResponse.From).ToList(),
        c.CreatedAt, c.UpdatedAt, c.Version);
}
