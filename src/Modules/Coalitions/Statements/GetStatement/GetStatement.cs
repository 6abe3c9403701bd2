using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Coalitions.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Coalitions.Statements.GetStatement;

internal sealed class GetStatementEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        StatementsApi.Group(app)
            .MapGet("{id:guid}", Handle)
            .WithName("GetStatement")
            .RequireAuthorization(Policies.Read)
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<StatementResponse>> Handle(Guid id, CoalitionsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Responses(db.Statements.AsNoTracking().Where(s => s.Id == id)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Statement", id));
}
