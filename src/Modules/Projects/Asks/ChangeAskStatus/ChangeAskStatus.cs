using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Stakeholders;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Asks.ChangeAskStatus;

/// <summary>
/// Moves an ask to another status on a day: one row appended to its history, the status changed, and the
/// closing day set (met, dropped) or cleared (open, partly met), in one transaction with <c>AskChanged</c>.
/// </summary>
internal sealed class ChangeAskStatusEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        AsksApi.Group(app)
            .MapPost("{id:guid}/status", Handle)
            .WithName("ChangeAskStatus")
            .RequireAuthorization(Policies.Write)
            .WithSummary("Changes an ask's status (open, partlyMet, met, dropped) on a day, with a note; met and dropped close it on that day.")
            .WithValidation<AskStatusRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<AskResponse>, ValidationProblem>> Handle(
        Guid id, AskStatusRequest request, ClaimsPrincipal user, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var ask = await AsksApi.FindAsync(db, id, cancellationToken);
        var to = request.Status!.Value;
        if (ask.Status == to)
        {
            throw new ConflictException($"The ask is already {to}.");
        }
        var changedOn = request.ChangedOn!.Value;
        var notBefore = ask.StatusChangedOn;
        if (changedOn < notBefore)
        {
            return TypedResults.ValidationProblem(AdvocacyLimits.Error("changedOn",
                $"The ask opened or last changed on {notBefore:yyyy-MM-dd}: a change cannot come before it."));
        }

        db.Entry(ask).Property(a => a.Version).OriginalValue = request.Version!.Value;
        var now = clock.GetUtcNow();
        var change = new AskStatusChange
        {
            Id = Guid.CreateVersion7(), AskId = ask.Id, From = ask.Status, To = to, ChangedOn = changedOn,
            Note = Input.Blank(request.Note), ChangedBy = user.UserId(), ChangedByName = user.UserName(), RecordedAt = now,
        };
        ask.History.Add(change);
        db.AskStatusChanges.Add(change);
        ask.Status = to;
        ask.ClosedOn = Ask.IsClosed(to) ? changedOn : null;
        ask.UpdatedAt = now;
        db.AddIntegrationEvent(await AsksApi.ChangedAsync(db, ask, now, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Ok((await AsksApi.ResponsesAsync(db, [ask], cancellationToken)).Single());
    }
}
