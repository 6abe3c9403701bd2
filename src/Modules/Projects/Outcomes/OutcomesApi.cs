using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Activities;
using Advocacy.Modules.Projects.Asks;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Stakeholders;
using StakeholderResponse = Advocacy.Modules.Projects.Contracts.StakeholderResponse;

namespace Advocacy.Modules.Projects.Outcomes;

internal static class OutcomesApi
{
    /// <summary>An activity's outcome, and the commitments and follow-ups added to it.</summary>
    public static RouteGroupBuilder OutcomeGroup(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/activities/{activityId:guid}/outcome").WithTags("Advocacy outcomes");

    /// <summary>Commitments across activities: list, read, edit, change status.</summary>
    public static RouteGroupBuilder Commitments(IEndpointRouteBuilder app) => app.MapGroup("/api/commitments").WithTags("Advocacy outcomes");

    /// <summary>Follow-ups across activities: "my follow-ups due", edit, mark done.</summary>
    public static RouteGroupBuilder FollowUps(IEndpointRouteBuilder app) => app.MapGroup("/api/follow-ups").WithTags("Advocacy outcomes");

    /// <summary>The outcome as the API returns it, with its commitments and follow-ups.</summary>
    public static async Task<OutcomeResponse> ResponseAsync(
        ProjectsDbContext db, Activity activity, ActivityOutcome outcome, TimeProvider clock, CancellationToken cancellationToken)
    {
        var stakeholders = await OutcomeRules.StakeholdersAsync(db, outcome.Stakeholders.Select(s => s.StakeholderId), cancellationToken);
        var asks = await db.Asks.AsNoTracking().Where(a => outcome.AskIds.Contains(a.Id))
            .Select(a => new RaisedAsk(a.Id, a.Text, a.Status)).ToListAsync(cancellationToken);
        var commitments = await CommitmentResponses(db, db.Commitments.Where(c => c.ActivityId == activity.Id), clock.Today())
            .ToListAsync(cancellationToken);
        var followUps = await db.FollowUps.AsNoTracking().Where(f => f.ActivityId == activity.Id)
            .OrderBy(f => f.DueDate).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        return new OutcomeResponse(
            activity.Id, activity.ProjectId, activity.Type, activity.Date, activity.Title,
            outcome.Stakeholders.Select(s => new AddressedStakeholderResponse(
                NamedStakeholder.From(s.StakeholderId, stakeholders), s.Response, s.Note)).ToList(),
            outcome.AskIds.Select(id => asks.SingleOrDefault(a => a.Id == id)).OfType<RaisedAsk>().ToList(),
            commitments,
            followUps.Select(f => FollowUpResponse.From(f, activity)).ToList(),
            outcome.RecordedBy, outcome.RecordedByName, outcome.RecordedAt, outcome.UpdatedAt, outcome.Version);
    }

    /// <summary>
    /// Commitments of activities not deleted, as the API returns them, soonest due first (those without a due
    /// date last). <paramref name="today"/> decides which are overdue.
    /// </summary>
    public static IQueryable<CommitmentResponse> CommitmentResponses(ProjectsDbContext db, IQueryable<Commitment> commitments, DateOnly today) =>
        from c in commitments.AsNoTracking()
        join a in db.Activities on c.ActivityId equals a.Id
        where a.DeletedAt == null
        join s in db.Stakeholders on c.StakeholderId equals s.Id
        orderby c.DueDate == null, c.DueDate, c.Id
        select new CommitmentResponse(
            c.Id, c.ActivityId, c.ProjectId, a.Title, a.Date, c.Text, new NamedStakeholder(s.Id, s.Name, s.Kind), c.AskId, c.DueDate,
            c.Status, c.DueDate < today && (c.Status == CommitmentStatus.Made || c.Status == CommitmentStatus.InProgress), c.Evidence,
            c.History.OrderBy(h => h.RecordedAt).ThenBy(h => h.Id)
                .Select(h => new CommitmentStatusChangeResponse(h.From, h.To, h.ChangedOn, h.Evidence, h.ChangedBy, h.ChangedByName, h.RecordedAt))
                .ToList(),
            c.CreatedBy, c.CreatedByName, c.CreatedAt, c.UpdatedAt, c.Version);

    /// <summary>One commitment as the API returns it; 404 when it does not exist or its activity was deleted.</summary>
    public static async Task<CommitmentResponse> CommitmentResponseAsync(
        ProjectsDbContext db, Guid id, TimeProvider clock, CancellationToken cancellationToken) =>
        await CommitmentResponses(db, db.Commitments.Where(c => c.Id == id), clock.Today()).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Commitment", id);

    /// <summary>The commitment with its history and its activity, tracked; 404 when either is gone.</summary>
    public static async Task<(Commitment Commitment, Activity Activity)> FindCommitmentAsync(
        ProjectsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var commitment = await db.Commitments.Include(c => c.History).SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("Commitment", id);
        var activity = await db.Activities.SingleOrDefaultAsync(a => a.Id == commitment.ActivityId && a.DeletedAt == null, cancellationToken)
            ?? throw new NotFoundException("Commitment", id);
        return (commitment, activity);
    }

    /// <summary>The commitment's whole state for other modules, published with the change that made it.</summary>
    public static async Task<CommitmentChanged> CommitmentChangedAsync(
        ProjectsDbContext db, Commitment commitment, Activity activity, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var stakeholder = await db.Stakeholders.AsNoTracking().SingleAsync(s => s.Id == commitment.StakeholderId, cancellationToken);
        return commitment.ToEvent(activity, stakeholder, occurredAt);
    }
}

/// <summary>A stakeholder the activity addressed, and their response.</summary>
internal sealed record AddressedStakeholderResponse(NamedStakeholder Stakeholder, StakeholderResponse Response, string? Note);

/// <summary>An ask the activity raised, as it now stands.</summary>
internal sealed record RaisedAsk(Guid Id, string Text, AskStatus Status);

/// <summary>An activity's outcome as the API returns it.</summary>
internal sealed record OutcomeResponse(
    Guid ActivityId,
    Guid ProjectId,
    ActivityType ActivityType,
    DateOnly ActivityDate,
    string ActivityTitle,
    List<AddressedStakeholderResponse> Stakeholders,
    List<RaisedAsk> Asks,
    List<CommitmentResponse> Commitments,
    List<FollowUpResponse> FollowUps,
    string RecordedBy,
    string RecordedByName,
    DateTimeOffset RecordedAt,
    DateTimeOffset? UpdatedAt,
    uint Version);

/// <summary>One change of a commitment's status as the API returns it.</summary>
internal sealed record CommitmentStatusChangeResponse(
    CommitmentStatus From, CommitmentStatus To, DateOnly ChangedOn, string? Evidence, string ChangedBy, string ChangedByName, DateTimeOffset RecordedAt);

/// <summary>
/// A commitment as the API returns it. <see cref="MadeOn"/> is its activity's date; <see cref="Overdue"/>: its due
/// date has passed and it is neither fulfilled nor broken.
/// </summary>
internal sealed record CommitmentResponse(
    Guid Id,
    Guid ActivityId,
    Guid ProjectId,
    string ActivityTitle,
    DateOnly MadeOn,
    string Text,
    NamedStakeholder Stakeholder,
    Guid? AskId,
    DateOnly? DueDate,
    CommitmentStatus Status,
    bool Overdue,
    string? Evidence,
    List<CommitmentStatusChangeResponse> History,
    string CreatedBy,
    string CreatedByName,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    uint Version);

/// <summary>A follow-up as the API returns it, with the activity it follows.</summary>
internal sealed record FollowUpResponse(
    Guid Id,
    Guid ActivityId,
    Guid ProjectId,
    string ActivityTitle,
    DateOnly ActivityDate,
    string Action,
    string OwnerUserId,
    DateOnly DueDate,
    bool Done,
    DateOnly? DoneOn,
    uint Version)
{
    public static FollowUpResponse From(FollowUp f, Activity a) =>
        new(f.Id, f.ActivityId, f.ProjectId, a.Title, a.Date, f.Action, f.OwnerUserId, f.DueDate, f.DoneOn is not null, f.DoneOn, f.Version);
}
