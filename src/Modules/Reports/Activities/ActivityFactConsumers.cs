using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Reports.Data;

namespace Advocacy.Modules.Reports.Activities;

internal sealed class ActivityLoggedConsumer(ReportsDbContext db) : InboxConsumer<ActivityLogged, ReportsDbContext>(db)
{
    protected override Task Handle(ActivityLogged message, CancellationToken cancellationToken) =>
        ActivityFacts.ApplyAsync(Db, message.Activity, deleted: false, message.OccurredAt, cancellationToken);
}

internal sealed class ActivityUpdatedConsumer(ReportsDbContext db) : InboxConsumer<ActivityUpdated, ReportsDbContext>(db)
{
    protected override Task Handle(ActivityUpdated message, CancellationToken cancellationToken) =>
        ActivityFacts.ApplyAsync(Db, message.Activity, deleted: false, message.OccurredAt, cancellationToken);
}

internal sealed class ActivityDeletedConsumer(ReportsDbContext db) : InboxConsumer<ActivityDeleted, ReportsDbContext>(db)
{
    protected override async Task Handle(ActivityDeleted message, CancellationToken cancellationToken)
    {
        await Db.LockForTransactionAsync($"activity-fact:{message.ActivityId}", cancellationToken);
        var fact = await Db.ActivityFacts.Include(f => f.Reach).SingleOrDefaultAsync(f => f.ActivityId == message.ActivityId, cancellationToken);
        if (fact is null)
        {
            // Deleted before its creation arrived: keep a tombstone so the late creation is ignored.
            Db.ActivityFacts.Add(new ActivityFact
            {
                ActivityId = message.ActivityId, ProjectId = message.ProjectId, Deleted = true, UpdatedAt = message.OccurredAt,
            });
        }
        else if (message.OccurredAt > fact.UpdatedAt)
        {
            await ActivityRollups.MoveAsync(Db, ActivityRollups.Of(fact), after: null, cancellationToken);
            fact.Deleted = true;
            fact.UpdatedAt = message.OccurredAt;
        }
    }
}

internal static class ActivityFacts
{
    /// <summary>Applies an activity's state unless the fact already reflects that state or a newer one.</summary>
    public static async Task ApplyAsync(ReportsDbContext db, ActivityDetails activity, bool deleted, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        await db.LockForTransactionAsync($"activity-fact:{activity.ActivityId}", cancellationToken);
        var fact = await db.ActivityFacts.Include(f => f.Reach).SingleOrDefaultAsync(f => f.ActivityId == activity.ActivityId, cancellationToken);
        if (fact is not null && fact.UpdatedAt >= occurredAt)
        {
            return;
        }
        var before = ActivityRollups.Of(fact);
        if (fact is null)
        {
            fact = new ActivityFact { ActivityId = activity.ActivityId };
            db.ActivityFacts.Add(fact);
        }
        fact.ProjectId = activity.ProjectId;
        fact.Type = activity.Type;
        fact.Date = activity.Date;
        fact.Title = activity.Title;
        fact.Place = activity.Place;
        fact.Country = activity.Country;
        fact.EventId = activity.EventId;
        fact.CoalitionId = activity.CoalitionId;
        fact.ReportId = activity.ReportId;
        fact.Deleted = deleted;
        fact.UpdatedAt = occurredAt;
        fact.TotalReach = activity.Reach.Sum(r => r.Count);
        fact.Reach.Clear();
        foreach (var slice in activity.Reach.GroupBy(r => (r.Audience, Gender: r.Gender?.ToString() ?? ReachFact.UnknownGender)))
        {
            fact.Reach.Add(new ReachFact { ActivityId = activity.ActivityId, Audience = slice.Key.Audience, Gender = slice.Key.Gender, Count = slice.Sum(r => r.Count) });
        }
        await ActivityRollups.MoveAsync(db, before, ActivityRollups.Of(fact), cancellationToken);
    }
}
