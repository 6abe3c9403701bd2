using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Coalitions.Data;
using Advocacy.Modules.Coalitions.Shared;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Coalitions.Statements.ListStatements;

internal sealed class ListStatementsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        StatementsApi.Group(app)
            .MapGet("", Handle)
            .WithName("ListStatements")
            .RequireAuthorization(Policies.Read)
            .WithSummary("Statements and positions, latest first, filtered by coalition, kind and period.");

    internal static async Task<Results<Ok<Page<StatementResponse>>, ValidationProblem>> Handle(
        CoalitionsDbContext db,
        CancellationToken cancellationToken,
        Guid? coalitionId = null,
        string? kind = null,
        DateOnly? from = null,
        DateOnly? to = null,
        int page = 1,
        int pageSize = Paging.DefaultPageSize)
    {
        var errors = Paging.ListErrors(page, pageSize, from, to);
        var statementKind = QueryEnum.Parse<StatementKind>(kind, "kind", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.Statements.AsNoTracking();
        if (coalitionId is not null) query = query.Where(s => s.CoalitionId == coalitionId);
        if (statementKind is not null) query = query.Where(s => s.Kind == statementKind);
        if (from is not null) query = query.Where(s => s.Date >= from);
        if (to is not null) query = query.Where(s => s.Date <= to);
        var total = await query.CountAsync(cancellationToken);
        var items = await db.Responses(query.OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).Skip((page - 1) * pageSize).Take(pageSize))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<StatementResponse>(items, page, pageSize, total));
    }
}
