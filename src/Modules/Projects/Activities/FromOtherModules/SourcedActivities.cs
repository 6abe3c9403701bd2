using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.ReportingPeriods;
using Advocacy.Modules.Projects.Results.Rules;

namespace Advocacy.Modules.Projects.Activities.FromOtherModules;

/// <summary>What an activity recorded from another module's message says, for one project.</summary>
internal sealed record SourcedActivity(
    ActivityType Type, DateOnly Date, string Title, string? Notes, string? Place, string? Country,
    IReadOnlyList<ReachCount> Reach, Guid? EventId = null, Guid? CoalitionId = null, Guid? ReportId = null);

/// <summary>
/// Keeps the activities recorded from one source (an event, a meeting, a statement, a publication) in step with the
/// source's latest state: one activity per linked project, updated in place when the source changes,
/// withdrawn (soft-deleted) when a project is unlinked or the source withdrawn. Messages carry the
/// whole state, so applying one twice, or an older one after a newer, changes nothing. A change to an
/// approved, locked period is applied all the same (the source module is the authority on what happened)
/// and recorded on that period as a change after approval (ADR 0011).
/// </summary>
internal static class SourcedActivities
{
    public static async Task ApplyAsync(
        ProjectsDbContext db, ActivitySource source, string sourceKey, DateTimeOffset occurredAt,
        IReadOnlyCollection<Guid> projectIds, SourcedActivity state, CancellationToken cancellationToken)
    {
        await db.LockForTransactionAsync(sourceKey, cancellationToken);
        var existing = await db.Activities.Where(a => a.SourceKey == sourceKey).ToListAsync(cancellationToken);
        // Already at this state or a newer one: a re-published or late message changes nothing.
        if (existing.Any(a => a.SourceUpdatedAt >= occurredAt))
        {
            return;
        }
        // A project Projects does not know (deleted, or not yet arrived) gets no activity.
        var known = await db.Projects.Where(p => projectIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        // Applied even to an approved period (the source module is the authority on what happened), and noted there.
        var late = await db.WatchAsync(known.Concat(existing.Select(a => a.ProjectId)), existing, cancellationToken);
        var written = existing.ToList();
        var touched = new ActivityTouches();
        foreach (var activity in existing)
        {
            touched.Add(activity);
        }
        foreach (var projectId in known)
        {
            var activity = existing.SingleOrDefault(a => a.ProjectId == projectId);
            var isNew = activity is null;
            var restored = activity?.DeletedAt is not null;
            if (activity is null)
            {
                activity = new Activity
                {
                    Id = Guid.CreateVersion7(), ProjectId = projectId, Title = state.Title, Source = source, SourceKey = sourceKey,
                    LoggedBy = $"module:{source}", LoggedByName = LoggedByName(source), LoggedAt = occurredAt,
                };
                db.Activities.Add(activity);
                written.Add(activity);
            }
            else
            {
                activity.UpdatedAt = occurredAt;
                activity.UpdatedBy = $"module:{source}";
                activity.DeletedAt = null;
                activity.DeletedBy = null;
            }
            Apply(state, activity);
            touched.Add(activity);
            activity.SourceUpdatedAt = occurredAt;
            db.AddIntegrationEvent<object>(isNew || restored
                ? new ActivityLogged(activity.ToDetails(), occurredAt)
                : new ActivityUpdated(activity.ToDetails(), occurredAt));
        }
        foreach (var unlinked in existing.Where(a => a.DeletedAt is null && !known.Contains(a.ProjectId)))
        {
            Withdraw(db, unlinked, source, occurredAt);
        }
        // The consumer's transaction is open: rule-based indicators are counted again before it commits.
        await db.SaveActivityChangesAsync(touched, TimeProvider.System.GetUtcNow(), cancellationToken);
        await late.NoteAsync(written, sourceKey, occurredAt, cancellationToken);
    }

    /// <summary>Withdraws every activity recorded from the source.</summary>
    public static async Task WithdrawAsync(
        ProjectsDbContext db, ActivitySource source, string sourceKey, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        await db.LockForTransactionAsync(sourceKey, cancellationToken);
        var existing = await db.Activities.Where(a => a.SourceKey == sourceKey).ToListAsync(cancellationToken);
        if (existing.Any(a => a.SourceUpdatedAt >= occurredAt))
        {
            return;
        }
        var late = await db.WatchAsync(existing.Select(a => a.ProjectId), existing, cancellationToken);
        var touched = new ActivityTouches();
        foreach (var activity in existing.Where(a => a.DeletedAt is null))
        {
            touched.Add(activity);
            Withdraw(db, activity, source, occurredAt);
        }
        await db.SaveActivityChangesAsync(touched, TimeProvider.System.GetUtcNow(), cancellationToken);
        await late.NoteAsync(existing, sourceKey, occurredAt, cancellationToken);
    }

    private static void Withdraw(ProjectsDbContext db, Activity activity, ActivitySource source, DateTimeOffset occurredAt)
    {
        activity.DeletedAt = occurredAt;
        activity.DeletedBy = $"module:{source}";
        activity.SourceUpdatedAt = occurredAt;
        db.AddIntegrationEvent(new ActivityDeleted(activity.Id, activity.ProjectId, activity.DeletedBy, occurredAt));
    }

    private static void Apply(SourcedActivity state, Activity activity)
    {
        activity.Type = state.Type;
        activity.Date = state.Date;
        activity.Title = state.Title.Length > Activity.TitleMaxLength ? state.Title[..Activity.TitleMaxLength] : state.Title;
        activity.Notes = state.Notes;
        activity.Place = state.Place;
        activity.Country = state.Country;
        activity.Reach = state.Reach.Select(r => new ActivityReach { Audience = r.Audience, Gender = r.Gender, Count = r.Count }).ToList();
        activity.EventId = state.EventId;
        activity.CoalitionId = state.CoalitionId;
        activity.ReportId = state.ReportId;
    }

    private static string LoggedByName(ActivitySource source) => source switch
    {
        ActivitySource.Event => "Events (event marked held)",
        ActivitySource.CoalitionMeeting => "Coalitions (meeting attended)",
        ActivitySource.Statement => "Coalitions (statement signed)",
        ActivitySource.Publication => "Reports (publication published)",
        _ => source.ToString(),
    };
}
