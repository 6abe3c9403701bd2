using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Projects;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Asks.CreateAsk;

internal sealed class CreateAskEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        AsksApi.ProjectGroup(app)
            .MapPost("", Handle)
            .WithName("CreateAsk")
            .RequireAuthorization(Policies.Write)
            .WithSummary("Writes down what the project asks, of which stakeholders, since when, and where the ask comes from; it opens as 'open'.")
            .WithValidation<AskRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Created<AskResponse>, ValidationProblem>> Handle(
        Guid projectId, AskRequest request, ClaimsPrincipal user, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await db.EnsureProjectExistsAsync(projectId, cancellationToken);
        if (await AskRules.TargetErrorsAsync(db, request.TargetStakeholderIds!, cancellationToken) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = clock.GetUtcNow();
        var ask = new Ask
        {
            Id = Guid.CreateVersion7(), ProjectId = projectId, Text = "", Status = AskStatus.Open,
            CreatedBy = user.UserId(), CreatedByName = user.UserName(), CreatedAt = now, UpdatedAt = now,
        };
        AskRequestValidator.Apply(request, ask);
        db.Asks.Add(ask);
        db.AddIntegrationEvent(await AsksApi.ChangedAsync(db, ask, now, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/asks/{ask.Id}", (await AsksApi.ResponsesAsync(db, [ask], cancellationToken)).Single());
    }
}
