using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Reports.Data;

namespace Advocacy.Modules.Reports.Advocacy;

/// <summary>Reports' copy of an ask, as Projects' <see cref="AskChanged"/> last described it.</summary>
[NotAudited]
internal sealed class AskFact
{
    public Guid AskId { get; init; }

    public Guid ProjectId { get; set; }

    public AskStatus Status { get; set; }

    public DateOnly OpenedOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The outcome recorded on one activity: the answers of the stakeholders it addressed.</summary>
[NotAudited]
internal sealed class OutcomeFact
{
    public Guid ActivityId { get; init; }

    public Guid ProjectId { get; set; }

    public DateOnly Date { get; set; }

    public List<ResponseFact> Responses { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One stakeholder's answer on an activity.</summary>
internal sealed class ResponseFact
{
    public Guid ActivityId { get; init; }

    public Guid StakeholderId { get; init; }

    public StakeholderKind StakeholderKind { get; init; }

    public StakeholderResponse Response { get; init; }
}

/// <summary>Reports' copy of a commitment, as Projects' <see cref="CommitmentChanged"/> last described it.</summary>
[NotAudited]
internal sealed class CommitmentFact
{
    public Guid CommitmentId { get; init; }

    public Guid ProjectId { get; set; }

    public Guid ActivityId { get; set; }

    public DateOnly MadeOn { get; set; }

    public DateOnly? DueDate { get; set; }

    public CommitmentStatus Status { get; set; }

    public StakeholderKind StakeholderKind { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsOpen => Status is CommitmentStatus.Made or CommitmentStatus.InProgress;
}

internal sealed class AskChangedConsumer(ReportsDbContext db) : InboxConsumer<AskChanged, ReportsDbContext>(db)
{
    protected override async Task Handle(AskChanged message, CancellationToken cancellationToken)
    {
        var ask = message.Ask;
        await Db.LockForTransactionAsync($"ask-fact:{ask.AskId}", cancellationToken);
        var fact = await Db.AskFacts.FindAsync([ask.AskId], cancellationToken);
        if (fact is not null && fact.UpdatedAt >= message.OccurredAt) return;
        if (fact is null) Db.AskFacts.Add(fact = new AskFact { AskId = ask.AskId });
        fact.ProjectId = ask.ProjectId;
        fact.Status = ask.Status;
        fact.OpenedOn = ask.OpenedOn;
        fact.ClosedOn = ask.ClosedOn;
        fact.UpdatedAt = message.OccurredAt;
    }
}

internal sealed class ActivityOutcomeRecordedConsumer(ReportsDbContext db) : InboxConsumer<ActivityOutcomeRecorded, ReportsDbContext>(db)
{
    protected override async Task Handle(ActivityOutcomeRecorded message, CancellationToken cancellationToken)
    {
        var outcome = message.Outcome;
        await Db.LockForTransactionAsync($"outcome-fact:{outcome.ActivityId}", cancellationToken);
        var fact = await Db.OutcomeFacts.Include(o => o.Responses).SingleOrDefaultAsync(o => o.ActivityId == outcome.ActivityId, cancellationToken);
        if (fact is not null && fact.UpdatedAt >= message.OccurredAt) return;
        if (fact is null) Db.OutcomeFacts.Add(fact = new OutcomeFact { ActivityId = outcome.ActivityId });
        fact.ProjectId = outcome.ProjectId;
        fact.Date = outcome.ActivityDate;
        fact.UpdatedAt = message.OccurredAt;
        fact.Responses.Clear();
        foreach (var response in outcome.Responses.DistinctBy(r => r.Stakeholder.StakeholderId))
        {
            fact.Responses.Add(new ResponseFact
            {
                ActivityId = outcome.ActivityId, StakeholderId = response.Stakeholder.StakeholderId,
                StakeholderKind = response.Stakeholder.Kind, Response = response.Response,
            });
        }
    }
}

internal sealed class CommitmentChangedConsumer(ReportsDbContext db) : InboxConsumer<CommitmentChanged, ReportsDbContext>(db)
{
    protected override async Task Handle(CommitmentChanged message, CancellationToken cancellationToken)
    {
        var commitment = message.Commitment;
        await Db.LockForTransactionAsync($"commitment-fact:{commitment.CommitmentId}", cancellationToken);
        var fact = await Db.CommitmentFacts.FindAsync([commitment.CommitmentId], cancellationToken);
        if (fact is not null && fact.UpdatedAt >= message.OccurredAt) return;
        if (fact is null) Db.CommitmentFacts.Add(fact = new CommitmentFact { CommitmentId = commitment.CommitmentId });
        fact.ProjectId = commitment.ProjectId;
        fact.ActivityId = commitment.ActivityId;
        fact.MadeOn = commitment.MadeOn;
        fact.DueDate = commitment.DueDate;
        fact.Status = commitment.Status;
        fact.StakeholderKind = commitment.Stakeholder.Kind;
        fact.UpdatedAt = message.OccurredAt;
    }
}
