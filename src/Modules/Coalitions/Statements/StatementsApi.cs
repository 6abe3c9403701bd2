using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Coalitions.Data;

namespace Advocacy.Modules.Coalitions.Statements;

internal static class StatementsApi
{
    /// <summary>Joint statements and positions, within a coalition or not; listed with the coalitions in the OpenAPI document.</summary>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder app) => app.MapGroup("/api/statements").WithTags("Coalitions");

    /// <summary>Statements as the API returns them, with their coalition's name.</summary>
    public static IQueryable<StatementResponse> Responses(this CoalitionsDbContext db, IQueryable<Statement> statements) =>
        from s in statements
        join c in db.Coalitions on s.CoalitionId equals c.Id into coalitions
        from c in coalitions.DefaultIfEmpty()
        select StatementResponse.From(s, c == null ? null : c.Name);
}

/// <summary>A statement or position with its signatories.</summary>
internal sealed record StatementResponse(
    Guid Id,
    Guid? CoalitionId,
    string? CoalitionName,
    StatementKind Kind,
    string Title,
    DateOnly Date,
    string AddressedTo,
    List<string> Signatories,
    int SignatoryCount,
    bool SignedByUs,
    List<Guid> ProjectIds,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    DateTimeOffset? UpdatedAt,
    uint Version)
{
    public static StatementResponse From(Statement s, string? coalitionName) => new(
        s.Id, s.CoalitionId, coalitionName, s.Kind, s.Title, s.Date, s.AddressedTo, s.Signatories, s.Signatories.Count,
        s.SignedByUs, s.ProjectIds, s.RecordedBy, s.RecordedAt, s.UpdatedAt, s.Version);
}

internal static class StatementChecks
{
    /// <summary>409 when another statement has the same title (whatever the case) on the same day.</summary>
    public static async Task EnsureStatementIsNewAsync(this CoalitionsDbContext db, StatementRequest request, Guid? except, CancellationToken cancellationToken)
    {
        var title = request.Title.Trim().ToLowerInvariant();
        if (await db.Statements.AnyAsync(s => s.Title.ToLower() == title && s.Date == request.Date && s.Id != except, cancellationToken))
        {
            throw new ConflictException($"A statement '{request.Title.Trim()}' of {request.Date:yyyy-MM-dd} is already recorded.");
        }
    }
}
