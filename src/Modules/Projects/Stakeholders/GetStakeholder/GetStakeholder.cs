using Advocacy.BuildingBlocks.Authorization;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Stakeholders.GetStakeholder;

internal sealed class GetStakeholderEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        StakeholdersApi.Group(app)
            .MapGet("{id:guid}", Handle)
            .WithName("GetStakeholder")
            .RequireAuthorization(Policies.Read)
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<StakeholderResponse>> Handle(Guid id, ProjectsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await StakeholdersApi.ResponseAsync(db, id, cancellationToken));
}
