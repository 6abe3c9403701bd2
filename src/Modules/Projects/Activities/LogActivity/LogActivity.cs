using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.ReportingPeriods;
using Advocacy.Modules.Projects.Results.Rules;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Activities.LogActivity;

/// <summary>Staff log what they did: one form, one request.</summary>
internal sealed class LogActivityEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ActivitiesApi.ProjectGroup(app)
            .MapPost("", Handle)
            .WithName("LogActivity")
            .RequireAuthorization(Policies.Write)
            .WithValidation<ActivityRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Created<ActivityResponse>, ValidationProblem>> Handle(
        Guid projectId, ActivityRequest request, ClaimsPrincipal user, ProjectsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (project, indicators) = await ActivityProjectRules.LoadAsync(db, projectId, cancellationToken);
        if (ActivityProjectRules.Errors(project, request.Date!.Value, request.IndicatorIds ?? [], indicators) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var periods = await db.EnsureUnlockedAsync(projectId, [request.Date!.Value], cancellationToken);

        var now = clock.GetUtcNow();
        var activity = new Activity
        {
            Id = Guid.CreateVersion7(), ProjectId = projectId, Title = "", Source = ActivitySource.Manual,
            LoggedBy = user.UserId(), LoggedByName = user.UserName(), LoggedAt = now,
        };
        ActivityRequestValidator.Apply(request, activity);
        db.Activities.Add(activity);
        db.AddIntegrationEvent(new ActivityLogged(activity.ToDetails(), now));
        await db.SaveActivityChangesAsync(new ActivityTouches().Add(activity), now, cancellationToken);
        // A rule-based value of an approved period it recounted refuses it too.
        await periods.EnsureComputedUnchangedAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Created($"/api/activities/{activity.Id}", ActivityResponse.From(activity));
    }
}
