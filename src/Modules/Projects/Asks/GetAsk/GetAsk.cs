using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Asks.GetAsk;

internal sealed class GetAskEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        AsksApi.Group(app)
            .MapGet("{id:guid}", Handle)
            .WithName("GetAsk")
            .RequireAuthorization(Policies.Read)
            .WithSummary("An ask with its targets and its status history, oldest change first.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<AskResponse>> Handle(Guid id, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        var ask = await db.Asks.AsNoTracking().Include(a => a.History).SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException("Ask", id);
        return TypedResults.Ok((await AsksApi.ResponsesAsync(db, [ask], cancellationToken)).Single());
    }
}
