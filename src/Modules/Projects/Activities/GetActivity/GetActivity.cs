using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Activities.GetActivity;

internal sealed class GetActivityEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ActivitiesApi.Group(app)
            .MapGet("{id:guid}", Handle)
            .WithName("GetActivity")
            .RequireAuthorization(Policies.Read)
            .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>A deleted activity is gone for its readers (404); the row stays for the audit.</summary>
    internal static async Task<Ok<ActivityResponse>> Handle(Guid id, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.DeletedAt == null, cancellationToken)
            ?? throw new NotFoundException("Activity", id);
        return TypedResults.Ok(ActivityResponse.From(activity));
    }
}
