using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Projects;
using FluentValidation;

namespace Advocacy.Modules.Projects.ReportingPeriods;

internal static class ReportingPeriodsApi
{
    /// <summary>A project's reporting periods.</summary>
    public static RouteGroupBuilder ProjectGroup(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/projects/{projectId:guid}/reporting-periods").WithTags("Reporting periods");

    /// <summary>Reporting periods across projects.</summary>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/reporting-periods").WithTags("Reporting periods");

    /// <summary>
    /// Periods as list rows, with their project's code and the changes since their approval. Filter and order
    /// <paramref name="periods"/> first: the rows are records the database cannot look into.
    /// </summary>
    public static IQueryable<ReportingPeriodSummary> Summaries(ProjectsDbContext db, IQueryable<ReportingPeriod> periods) =>
        periods.Join(db.Projects, p => p.ProjectId, project => project.Id, (p, project) => new ReportingPeriodSummary(
            p.Id, p.ProjectId, project.Code, p.From, p.To, p.Status, p.Status == PeriodStatus.Approved, p.ApprovedAt, p.ApprovedBy,
            p.ApprovalRound,
            db.ReportingPeriodChanges.Count(c => c.PeriodId == p.Id && p.Status == PeriodStatus.Approved && c.ApprovalRound == p.ApprovalRound),
            db.ReportingPeriodChanges
                .Where(c => c.PeriodId == p.Id && p.Status == PeriodStatus.Approved && c.ApprovalRound == p.ApprovalRound)
                .Max(c => (DateTimeOffset?)c.RecordedAt),
            p.CreatedAt, p.UpdatedAt, p.Version));

    /// <summary>Approved periods that changes from other modules reached since their current approval.</summary>
    public static IQueryable<ReportingPeriod> ChangedAfterApproval(ProjectsDbContext db, IQueryable<ReportingPeriod> periods) =>
        periods.Where(p => p.Status == PeriodStatus.Approved
            && db.ReportingPeriodChanges.Any(c => c.PeriodId == p.Id && c.ApprovalRound == p.ApprovalRound));

    /// <summary>One period with its history and the changes that reached it while approved; 404 when it is not the project's.</summary>
    public static async Task<ReportingPeriodResponse> DetailsAsync(
        ProjectsDbContext db, Guid projectId, Guid periodId, CancellationToken cancellationToken)
    {
        await db.EnsureProjectExistsAsync(projectId, cancellationToken);
        var summary = await Summaries(db, db.ReportingPeriods.AsNoTracking().Where(p => p.Id == periodId && p.ProjectId == projectId))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Reporting period", periodId);
        var history = await db.Set<ReportingPeriodEntry>().AsNoTracking()
            .Where(e => e.PeriodId == periodId)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new PeriodHistoryEntry(e.At, e.By, e.ByName, e.FromStatus, e.ToStatus, e.Comment))
            .ToListAsync(cancellationToken);
        var changes = await db.ReportingPeriodChanges.AsNoTracking()
            .Where(c => c.PeriodId == periodId)
            .OrderBy(c => c.RecordedAt).ThenBy(c => c.Id)
            .Select(c => new PeriodChangeResponse(
                c.ApprovalRound, c.Kind, c.ActivityId, c.IndicatorId, c.Title, c.Date, c.Source, c.OccurredAt, c.RecordedAt))
            .ToListAsync(cancellationToken);
        return ReportingPeriodResponse.Of(summary, history, changes);
    }

    /// <summary>
    /// Changes one period of the project in its own transaction: holds off the project's writes while it runs
    /// (so nothing lands in a period being approved), loads the period (404 when it is not the project's),
    /// checks the version the client read when it sent one, applies <paramref name="change"/> and commits.
    /// The change gets the time once the project's writes under way have committed: an approval is dated
    /// after every activity it covers.
    /// </summary>
    public static async Task ChangeAsync(
        ProjectsDbContext db, TimeProvider clock, Guid projectId, Guid periodId, uint? version,
        Action<ReportingPeriod, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.EnsureProjectExistsAsync(projectId, cancellationToken);
        await db.LockProjectPeriodsAsync(projectId, cancellationToken);
        var period = await db.ReportingPeriods.SingleOrDefaultAsync(p => p.Id == periodId && p.ProjectId == projectId, cancellationToken)
            ?? throw new NotFoundException("Reporting period", periodId);
        if (version is not null)
        {
            // A stale version makes SaveChanges throw; the exception handler answers 409.
            db.Entry(period).Property(p => p.Version).OriginalValue = version.Value;
        }
        change(period, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

/// <summary>A reporting period as lists show it.</summary>
/// <param name="Locked">True while approved: its activities and measurements cannot be changed.</param>
/// <param name="ApprovalRound">How many times it has been approved.</param>
/// <param name="ChangedAfterApproval">
/// While approved: how many changes from other modules' messages (events held, meetings, statements,
/// publications) reached it since the current approval; 0 otherwise.
/// </param>
/// <param name="LastChangedAfterApprovalAt">When the latest of those changes was applied.</param>
internal sealed record ReportingPeriodSummary(
    Guid Id,
    Guid ProjectId,
    string ProjectCode,
    DateOnly From,
    DateOnly To,
    PeriodStatus Status,
    bool Locked,
    DateTimeOffset? ApprovedAt,
    string? ApprovedBy,
    int ApprovalRound,
    int ChangedAfterApproval,
    DateTimeOffset? LastChangedAfterApprovalAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    uint Version);

/// <summary>One status change in a period's history.</summary>
internal sealed record PeriodHistoryEntry(
    DateTimeOffset At, string By, string ByName, PeriodStatus? From, PeriodStatus To, string? Comment);

/// <summary>
/// A change from another module that reached the period while it was approved (in approval round <c>ApprovalRound</c>):
/// an activity recorded, updated or withdrawn, or a rule-based indicator's value recounted.
/// </summary>
/// <param name="Title">The activity's title, or the indicator's value before and after.</param>
/// <param name="Date">The activity's date, or the last day of the recounted value's period.</param>
/// <param name="Source">What the change came from, e.g. <c>event:{id}</c>.</param>
/// <param name="OccurredAt">When it happened at its source.</param>
/// <param name="RecordedAt">When Projects applied it.</param>
internal sealed record PeriodChangeResponse(
    int ApprovalRound, PeriodChangeKind Kind, Guid? ActivityId, Guid? IndicatorId, string Title, DateOnly Date, string Source,
    DateTimeOffset OccurredAt, DateTimeOffset RecordedAt);

/// <summary>A reporting period with its dated history and the changes that reached it while approved, oldest first.</summary>
internal sealed record ReportingPeriodResponse(
    Guid Id,
    Guid ProjectId,
    string ProjectCode,
    DateOnly From,
    DateOnly To,
    PeriodStatus Status,
    bool Locked,
    DateTimeOffset? ApprovedAt,
    string? ApprovedBy,
    int ApprovalRound,
    int ChangedAfterApproval,
    DateTimeOffset? LastChangedAfterApprovalAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    uint Version,
    IReadOnlyList<PeriodHistoryEntry> History,
    IReadOnlyList<PeriodChangeResponse> ChangesAfterApproval)
{
    public static ReportingPeriodResponse Of(
        ReportingPeriodSummary s, IReadOnlyList<PeriodHistoryEntry> history, IReadOnlyList<PeriodChangeResponse> changes) => new(
        s.Id, s.ProjectId, s.ProjectCode, s.From, s.To, s.Status, s.Locked, s.ApprovedAt, s.ApprovedBy, s.ApprovalRound,
        s.ChangedAfterApproval, s.LastChangedAfterApprovalAt, s.CreatedAt, s.UpdatedAt, s.Version, history, changes);
}

/// <summary>A step of the workflow: an optional comment (a manager's return comment, an admin's reason) and the version read.</summary>
internal sealed record PeriodStepRequest(string? Comment = null, uint? Version = null);

/// <summary>The comment of a step: optional, at most <see cref="ReportingPeriod.CommentMaxLength"/> characters.</summary>
internal sealed class PeriodStepRequestValidator : AbstractValidator<PeriodStepRequest>
{
    public PeriodStepRequestValidator() =>
        RuleFor(r => r.Comment).MaximumLength(ReportingPeriod.CommentMaxLength);
}
