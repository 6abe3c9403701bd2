using Advocacy.BuildingBlocks.Authorization;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Outcomes.GetCommitment;

internal sealed class GetCommitmentEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        OutcomesApi.Commitments(app)
            .MapGet("{id:guid}", Handle)
            .WithName("GetCommitment")
            .RequireAuthorization(Policies.Read)
            .WithSummary("A commitment with its status history, oldest change first.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<CommitmentResponse>> Handle(Guid id, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(await OutcomesApi.CommitmentResponseAsync(db, id, clock, cancellationToken));
}
