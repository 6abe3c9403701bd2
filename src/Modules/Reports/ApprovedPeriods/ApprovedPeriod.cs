using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Reports.Activities;
using Advocacy.Modules.Reports.Data;

namespace Advocacy.Modules.Reports.ApprovedPeriods;

/// <summary>
/// A project's reporting period as Projects' messages last described it: approved (its figures are
/// locked and may go to donors) or unlocked again.
/// </summary>
[NotAudited]
internal sealed class ApprovedPeriod
{
    public Guid PeriodId { get; init; }

    public Guid ProjectId { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public bool Approved { get; set; }

    /// <summary>When the state held here was current in Projects; older messages are ignored.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public static async Task ApplyAsync(
        ReportsDbContext db, Guid periodId, Guid projectId, DateOnly from, DateOnly to, bool approved, DateTimeOffset occurredAt,
        CancellationToken cancellationToken)
    {
        await db.LockForTransactionAsync($"approved-period:{periodId}", cancellationToken);
        var period = await db.ApprovedPeriods.FindAsync([periodId], cancellationToken);
        if (period is null)
        {
            period = new ApprovedPeriod { PeriodId = periodId };
            db.ApprovedPeriods.Add(period);
        }
        else if (period.UpdatedAt >= occurredAt)
        {
            return;
        }
        period.ProjectId = projectId;
        period.From = from;
        period.To = to;
        period.Approved = approved;
        period.UpdatedAt = occurredAt;
    }

    /// <summary>The facts that fall in an approved period of their project.</summary>
    public static IQueryable<ActivityFact> OnlyApproved(ReportsDbContext db, IQueryable<ActivityFact> facts) =>
        facts.Where(f => db.ApprovedPeriods.Any(p => p.Approved && p.ProjectId == f.ProjectId && f.Date >= p.From && f.Date <= p.To));
}

internal sealed class ReportingPeriodApprovedConsumer(ReportsDbContext db) : InboxConsumer<ReportingPeriodApproved, ReportsDbContext>(db)
{
    protected override Task Handle(ReportingPeriodApproved message, CancellationToken cancellationToken) =>
        ApprovedPeriod.ApplyAsync(Db, message.PeriodId, message.ProjectId, message.From, message.To, approved: true, message.OccurredAt, cancellationToken);
}

internal sealed class ReportingPeriodUnlockedConsumer(ReportsDbContext db) : InboxConsumer<ReportingPeriodUnlocked, ReportsDbContext>(db)
{
    protected override Task Handle(ReportingPeriodUnlocked message, CancellationToken cancellationToken) =>
        ApprovedPeriod.ApplyAsync(Db, message.PeriodId, message.ProjectId, message.From, message.To, approved: false, message.OccurredAt, cancellationToken);
}
