using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Stakeholders;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Outcomes.UpdateFollowUp;

internal sealed class UpdateFollowUpEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        OutcomesApi.FollowUps(app)
            .MapPut("{id:guid}", Handle)
            .WithName("UpdateOutcomeFollowUp")
            .RequireAuthorization(Policies.Write)
            .WithSummary("Edits a follow-up, or marks it done (done=true; doneOn defaults to today) or open again. Send the version you read.")
            .WithValidation<FollowUpRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<FollowUpResponse>, ValidationProblem>> Handle(
        Guid id, FollowUpRequest request, ProjectsDbContext db, IUserDirectory users, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Version is null)
        {
            return TypedResults.ValidationProblem(AdvocacyLimits.Error("version", AdvocacyLimits.VersionMissing));
        }
        var followUp = await db.FollowUps.SingleOrDefaultAsync(f => f.Id == id, cancellationToken)
            ?? throw new NotFoundException("Follow-up", id);
        var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == followUp.ActivityId && a.DeletedAt == null, cancellationToken)
            ?? throw new NotFoundException("Follow-up", id);
        var errors = new Dictionary<string, string[]>();
        await OutcomeRules.FollowUpErrorsAsync(users, activity, request, followUp.OwnerUserId, "", errors, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // A stale version makes SaveChanges throw; the exception handler answers 409.
        db.Entry(followUp).Property(f => f.Version).OriginalValue = request.Version.Value;
        FollowUpRequestValidator.Apply(request, followUp, clock.Today());
        followUp.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(FollowUpResponse.From(followUp, activity));
    }
}
