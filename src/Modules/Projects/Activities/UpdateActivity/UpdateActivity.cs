using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Outcomes;
using Advocacy.Modules.Projects.ReportingPeriods;
using Advocacy.Modules.Projects.Results.Rules;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Activities.UpdateActivity;

internal sealed class UpdateActivityEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ActivitiesApi.Group(app)
            .MapPut("{id:guid}", Handle)
            .WithName("UpdateActivity")
            .RequireAuthorization(Policies.Write)
            .WithValidation<ActivityRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<ActivityResponse>, ValidationProblem>> Handle(
        Guid id, ActivityRequest request, ClaimsPrincipal user, ProjectsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request.Version is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["version"] = ["Send the version you read, so a concurrent edit is not overwritten."],
            });
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var activity = await db.Activities.SingleOrDefaultAsync(a => a.Id == id && a.DeletedAt == null, cancellationToken)
            ?? throw new NotFoundException("Activity", id);
        ActivityRules.EnsureEditable(activity);
        if (await OutcomeRules.TypeChangeErrorsAsync(db, id, request.Type!.Value, cancellationToken) is { } outcomeErrors)
        {
            return TypedResults.ValidationProblem(outcomeErrors);
        }
        var (project, indicators) = await ActivityProjectRules.LoadAsync(db, activity.ProjectId, cancellationToken);
        if (ActivityProjectRules.Errors(project, request.Date!.Value, request.IndicatorIds ?? [], indicators) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        // Its day before and after: an edit must not change a locked period, nor move an activity into or out of one.
        var periods = await db.EnsureUnlockedAsync(activity.ProjectId, [activity.Date, request.Date!.Value], cancellationToken);

        // A stale version makes SaveChanges throw; the exception handler answers 409.
        db.Entry(activity).Property(a => a.Version).OriginalValue = request.Version!.Value;
        var touched = new ActivityTouches().Add(activity);
        ActivityRequestValidator.Apply(request, activity);
        activity.UpdatedAt = clock.GetUtcNow();
        activity.UpdatedBy = user.UserId();
        db.AddIntegrationEvent(new ActivityUpdated(activity.ToDetails(), activity.UpdatedAt.Value));
        await db.SaveActivityChangesAsync(touched.Add(activity), activity.UpdatedAt.Value, cancellationToken);
        // A rule-based value of an approved period it recounted refuses it too.
        await periods.EnsureComputedUnchangedAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Ok(ActivityResponse.From(activity));
    }
}
