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

namespace Advocacy.Modules.Projects.Activities.DeleteActivity;

internal sealed class DeleteActivityEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ActivitiesApi.Group(app)
            .MapDelete("{id:guid}", Handle)
            .WithName("DeleteActivity")
            .RequireAuthorization(Policies.Write)
            .WithSummary("Deletes an activity softly: it leaves every list and total, and stays in the database for the audit.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <param name="version">The version the client read; when given, a concurrent edit makes this 409.</param>
    internal static async Task<NoContent> Handle(
        Guid id, ClaimsPrincipal user, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken, uint? version = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var activity = await db.Activities.SingleOrDefaultAsync(a => a.Id == id && a.DeletedAt == null, cancellationToken)
            ?? throw new NotFoundException("Activity", id);
        ActivityRules.EnsureEditable(activity);
        var periods = await db.EnsureUnlockedAsync(activity.ProjectId, [activity.Date], cancellationToken);
        if (version is not null)
        {
            db.Entry(activity).Property(a => a.Version).OriginalValue = version.Value;
        }
        activity.DeletedAt = clock.GetUtcNow();
        activity.DeletedBy = user.UserId();
        db.AddIntegrationEvent(new ActivityDeleted(activity.Id, activity.ProjectId, activity.DeletedBy, activity.DeletedAt.Value));
        await db.SaveActivityChangesAsync(new ActivityTouches().Add(activity), activity.DeletedAt.Value, cancellationToken);
        // A rule-based value of an approved period it recounted refuses it too.
        await periods.EnsureComputedUnchangedAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
