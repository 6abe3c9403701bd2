using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.Modules.Projects.Activities;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.ReportingPeriods;
using Advocacy.Modules.Projects.Results.Rules;
using Advocacy.Modules.Projects.Stakeholders;
using Microsoft.EntityFrameworkCore.Storage;

namespace Advocacy.Modules.Projects.Outcomes;

/// <summary>The checks of an outcome, its commitments and follow-ups that need the database.</summary>
internal static class OutcomeRules
{
    /// <summary>The activity, tracked; 404 when it does not exist or was deleted.</summary>
    public static async Task<Activity> ActivityAsync(ProjectsDbContext db, Guid activityId, CancellationToken cancellationToken) =>
        await db.Activities.SingleOrDefaultAsync(a => a.Id == activityId && a.DeletedAt == null, cancellationToken)
        ?? throw new NotFoundException("Activity", activityId);

    /// <summary>The activity's outcome, tracked; 404 when none is recorded (or the activity is gone).</summary>
    public static async Task<(Activity Activity, ActivityOutcome Outcome)> OutcomeAsync(
        ProjectsDbContext db, Guid activityId, CancellationToken cancellationToken)
    {
        var activity = await ActivityAsync(db, activityId, cancellationToken);
        var outcome = await db.ActivityOutcomes.SingleOrDefaultAsync(o => o.ActivityId == activityId, cancellationToken)
            ?? throw new NotFoundException("Outcome of activity", activityId);
        return (activity, outcome);
    }

    /// <summary>
    /// Serialises the writes to one activity's outcome and its commitments (an edit that drops a stakeholder,
    /// a commitment by that stakeholder) until the returned transaction ends.
    /// </summary>
    public static async Task<IDbContextTransaction> LockAsync(ProjectsDbContext db, Guid activityId, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockForTransactionAsync($"activity-outcome:{activityId}", cancellationToken);
        return transaction;
    }

    /// <summary>
    /// Saves a change to what an activity's outcome reports (stakeholders addressed, commitments made or moved) in
    /// the open transaction. <paramref name="days"/> are the days the change belongs to: the activity's for what
    /// was said there, a status change's own day. One in an approved period refuses it (409); otherwise rule-based
    /// indicators counting outcomes or commitments are recounted for those days, and a computed value of an
    /// approved period that would move refuses it too (ADR 0011).
    /// </summary>
    public static async Task SaveAsync(
        ProjectsDbContext db, Guid projectId, IReadOnlyCollection<DateOnly> days, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var periods = await db.EnsureUnlockedAsync(projectId, days, cancellationToken);
        var touched = new ActivityTouches();
        foreach (var day in days)
        {
            touched.Add(projectId, day);
        }
        await db.SaveActivityChangesAsync(touched, now, cancellationToken);
        await periods.EnsureComputedUnchangedAsync(cancellationToken);
    }

    /// <summary><see cref="LockAsync"/> for a write to one commitment, by its activity; 404 when it does not exist.</summary>
    public static async Task<IDbContextTransaction> LockCommitmentAsync(ProjectsDbContext db, Guid commitmentId, CancellationToken cancellationToken)
    {
        var activityId = await db.Commitments.Where(c => c.Id == commitmentId).Select(c => (Guid?)c.ActivityId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Commitment", commitmentId);
        return await LockAsync(db, activityId, cancellationToken);
    }

    /// <summary>An error when the activity's type is not an advocacy type; null when it is.</summary>
    public static Dictionary<string, string[]>? TypeErrors(Activity activity) =>
        AdvocacyActivityTypes.Contains(activity.Type) ? null : AdvocacyLimits.Error("activityType", AdvocacyActivityTypes.NotAdvocacy(activity.Type));

    /// <summary>
    /// For an activity edit: an activity with an outcome keeps an advocacy type (its outcome would otherwise
    /// describe work that no longer addresses anyone). Null when the edit is fine.
    /// </summary>
    public static async Task<Dictionary<string, string[]>?> TypeChangeErrorsAsync(
        ProjectsDbContext db, Guid activityId, ActivityType newType, CancellationToken cancellationToken) =>
        !AdvocacyActivityTypes.Contains(newType) && await db.ActivityOutcomes.AnyAsync(o => o.ActivityId == activityId, cancellationToken)
            ? AdvocacyLimits.Error("type", $"The activity has an advocacy outcome: it keeps one of the advocacy types ({AdvocacyActivityTypes.Names}).")
            : null;

    /// <summary>
    /// Per-field errors for what an outcome request refers to: stakeholders that exist, asks of the activity's project,
    /// commitments by a stakeholder the outcome addresses and due no earlier than the activity, follow-ups owned by users.
    /// </summary>
    public static async Task<Dictionary<string, string[]>> ErrorsAsync(
        ProjectsDbContext db, IUserDirectory users, Activity activity, OutcomeRequest request, CancellationToken cancellationToken)
    {
        var errors = TypeErrors(activity) ?? [];
        var stakeholderIds = request.Stakeholders!.Select(s => s.StakeholderId!.Value).ToList();
        var known = await db.Stakeholders.Where(s => stakeholderIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken);
        if (stakeholderIds.Except(known).ToList() is { Count: > 0 } unknown)
        {
            errors["stakeholders"] = [$"Unknown stakeholders: {string.Join(", ", unknown)}."];
        }
        await AskErrorsAsync(db, activity.ProjectId, "askIds", request.AskIds ?? [], errors, cancellationToken);
        foreach (var (commitment, i) in (request.Commitments ?? []).Select((c, i) => (c, i)))
        {
            await CommitmentErrorsAsync(db, activity, stakeholderIds, commitment, $"commitments[{i}].", errors, cancellationToken);
        }
        foreach (var (followUp, i) in (request.FollowUps ?? []).Select((f, i) => (f, i)))
        {
            await FollowUpErrorsAsync(users, activity, followUp, storedOwner: null, $"followUps[{i}].", errors, cancellationToken);
        }
        return errors;
    }

    /// <summary>Adds an error on <paramref name="field"/> for asks that are not the project's.</summary>
    public static async Task AskErrorsAsync(
        ProjectsDbContext db, Guid projectId, string field, IReadOnlyCollection<Guid> askIds, Dictionary<string, string[]> errors,
        CancellationToken cancellationToken)
    {
        if (askIds.Count == 0)
        {
            return;
        }
        var ofProject = await db.Asks.Where(a => askIds.Contains(a.Id) && a.ProjectId == projectId).Select(a => a.Id).ToListAsync(cancellationToken);
        if (askIds.Except(ofProject).ToList() is { Count: > 0 } foreign)
        {
            errors[field] = [$"Not asks of this activity's project: {string.Join(", ", foreign)}."];
        }
    }

    /// <summary>Adds errors (fields prefixed with <paramref name="prefix"/>) for a commitment that does not fit its outcome.</summary>
    public static async Task CommitmentErrorsAsync(
        ProjectsDbContext db, Activity activity, IReadOnlyCollection<Guid> addressed, CommitmentRequest commitment, string prefix,
        Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (!addressed.Contains(commitment.StakeholderId!.Value))
        {
            errors[$"{prefix}stakeholderId"] = ["A commitment is made by one of the stakeholders the activity addressed."];
        }
        if (commitment.DueDate < activity.Date)
        {
            errors[$"{prefix}dueDate"] = [$"The due date must not be before the activity ({activity.Date:yyyy-MM-dd})."];
        }
        if (commitment.AskId is { } askId)
        {
            await AskErrorsAsync(db, activity.ProjectId, $"{prefix}askId", [askId], errors, cancellationToken);
        }
    }

    /// <summary>
    /// Adds errors for a follow-up: due before the activity, an owner who is not a user (the <paramref name="storedOwner"/>
    /// of an edited follow-up stays allowed, so a colleague who has left does not block an edit).
    /// </summary>
    public static async Task FollowUpErrorsAsync(
        IUserDirectory users, Activity activity, FollowUpRequest followUp, string? storedOwner, string prefix,
        Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (followUp.DueDate < activity.Date)
        {
            errors[$"{prefix}dueDate"] = [$"The due date must not be before the activity ({activity.Date:yyyy-MM-dd})."];
        }
        if (followUp.OwnerUserId != storedOwner
            && (await users.FindAsync([followUp.OwnerUserId], cancellationToken)).Count == 0)
        {
            errors[$"{prefix}ownerUserId"] = [$"Not a user of the platform: {followUp.OwnerUserId}."];
        }
    }

    /// <summary>The stakeholders named by id, for messages and responses.</summary>
    public static Task<Dictionary<Guid, Stakeholder>> StakeholdersAsync(
        ProjectsDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        return db.Stakeholders.AsNoTracking().Where(s => list.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
    }
}
