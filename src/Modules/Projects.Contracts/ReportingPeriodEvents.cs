namespace Advocacy.Modules.Projects.Contracts;

/// <summary>
/// Published when a manager approves a project's reporting period: its activities and measurements are
/// now locked, and donor-facing figures (donor links, donor reports) may rely on them.
/// </summary>
/// <param name="PeriodId">The reporting period's id.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="From">First day of the period.</param>
/// <param name="To">Last day of the period (inclusive).</param>
/// <param name="OccurredAt">When it was approved.</param>
public sealed record ReportingPeriodApproved(Guid PeriodId, Guid ProjectId, DateOnly From, DateOnly To, DateTimeOffset OccurredAt);

/// <summary>
/// Published when an admin unlocks an approved period (with a reason): its figures are no longer approved
/// until a manager approves it again.
/// </summary>
/// <param name="PeriodId">The reporting period's id.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="From">First day of the period.</param>
/// <param name="To">Last day of the period (inclusive).</param>
/// <param name="Reason">Why it was unlocked.</param>
/// <param name="OccurredAt">When it was unlocked.</param>
public sealed record ReportingPeriodUnlocked(Guid PeriodId, Guid ProjectId, DateOnly From, DateOnly To, string Reason, DateTimeOffset OccurredAt);
