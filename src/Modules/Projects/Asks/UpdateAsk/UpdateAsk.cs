using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Stakeholders;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Asks.UpdateAsk;

internal sealed class UpdateAskEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        AsksApi.Group(app)
            .MapPut("{id:guid}", Handle)
            .WithName("UpdateAsk")
            .RequireAuthorization(Policies.Write)
            .WithSummary("Edits an ask's text, targets, opening day and source (send the version you read); its status moves with POST {id}/status.")
            .WithValidation<AskRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<AskResponse>, ValidationProblem>> Handle(
        Guid id, AskRequest request, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Version is null)
        {
            return TypedResults.ValidationProblem(AdvocacyLimits.Error("version", AdvocacyLimits.VersionMissing));
        }
        var ask = await AsksApi.FindAsync(db, id, cancellationToken);
        if ((await AskRules.TargetErrorsAsync(db, request.TargetStakeholderIds!, cancellationToken)
             ?? AskRules.OpenedOnErrors(ask, request.OpenedOn!.Value)) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // A stale version makes SaveChanges throw; the exception handler answers 409.
        db.Entry(ask).Property(a => a.Version).OriginalValue = request.Version.Value;
        AskRequestValidator.Apply(request, ask);
        ask.UpdatedAt = clock.GetUtcNow();
        db.AddIntegrationEvent(await AsksApi.ChangedAsync(db, ask, ask.UpdatedAt, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Ok((await AsksApi.ResponsesAsync(db, [ask], cancellationToken)).Single());
    }
}
