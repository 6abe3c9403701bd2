using Advocacy.BuildingBlocks.Data;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.ReportingPeriods;
using Microsoft.AspNetCore.Http;

namespace Advocacy.Modules.Projects.PersonalData;

/// <summary>
/// Projects' personal data: who logged, recorded or changed what (user ids, and names kept for display), the owners of
/// follow-ups, and stakeholders that are people in a public role. Erasure replaces names and keeps every row, so every
/// activity, reach figure, ask, commitment and indicator value (and what other modules built from them) stays the same.
/// User ids stay: once the account is anonymised they point to no one (ADR 0021).
/// </summary>
internal sealed class ProjectsPersonalData(ProjectsDbContext db, IHttpContextAccessor http, TimeProvider clock) : IPersonalDataHolder
{
    public string Schema => ProjectsModule.Schema;

    public async Task<IReadOnlyList<PersonalDataRecord>> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var id = subject.MatchUserId;
        var names = subject.LowerNames;
        var records = new List<PersonalDataRecord>();
        void Add<T>(string table, IEnumerable<T> rows, Func<T, object> key) =>
            records.AddRange(rows.Select(r => new PersonalDataRecord($"{Schema}.{table}", key(r).ToString()!, r!)));

        Add("activities", await db.Activities.AsNoTracking()
            .Where(a => a.LoggedBy == id || a.UpdatedBy == id || a.DeletedBy == id || names.Contains(a.LoggedByName.ToLower()))
            .Select(a => new { a.Id, a.ProjectId, a.Date, a.Title, a.LoggedBy, a.LoggedByName, a.LoggedAt, a.UpdatedBy, a.UpdatedAt, a.DeletedBy, a.DeletedAt })
            .ToListAsync(cancellationToken), a => a.Id);
        Add("measurements", await db.Measurements.AsNoTracking().Where(m => m.RecordedBy == id)
            .Select(m => new { m.Id, m.IndicatorId, m.PeriodStart, m.PeriodEnd, m.RecordedBy, m.RecordedAt }).ToListAsync(cancellationToken), m => m.Id);
        Add("stakeholders", await db.Stakeholders.AsNoTracking()
            .Where(s => s.CreatedBy == id || (s.Kind == StakeholderKind.Person && names.Contains(s.Name.ToLower())))
            .Select(s => new { s.Id, s.Name, s.Kind, s.Function, s.Party, s.Country, s.CreatedBy, s.CreatedAt }).ToListAsync(cancellationToken), s => s.Id);
        Add("asks", await db.Asks.AsNoTracking().Where(a => a.CreatedBy == id || names.Contains(a.CreatedByName.ToLower()))
            .Select(a => new { a.Id, a.ProjectId, a.Text, a.CreatedBy, a.CreatedByName, a.CreatedAt }).ToListAsync(cancellationToken), a => a.Id);
        Add("ask_status_changes", await db.AskStatusChanges.AsNoTracking().Where(c => c.ChangedBy == id || names.Contains(c.ChangedByName.ToLower()))
            .Select(c => new { c.Id, c.AskId, c.From, c.To, c.ChangedOn, c.ChangedBy, c.ChangedByName }).ToListAsync(cancellationToken), c => c.Id);
        Add("activity_outcomes", await db.ActivityOutcomes.AsNoTracking()
            .Where(o => o.RecordedBy == id || o.UpdatedBy == id || names.Contains(o.RecordedByName.ToLower()))
            .Select(o => new { o.ActivityId, o.RecordedBy, o.RecordedByName, o.RecordedAt, o.UpdatedBy, o.UpdatedAt }).ToListAsync(cancellationToken), o => o.ActivityId);
        Add("commitments", await db.Commitments.AsNoTracking().Where(c => c.CreatedBy == id || names.Contains(c.CreatedByName.ToLower()))
            .Select(c => new { c.Id, c.ActivityId, c.Text, c.CreatedBy, c.CreatedByName, c.CreatedAt }).ToListAsync(cancellationToken), c => c.Id);
        Add("commitment_status_changes", await db.CommitmentStatusChanges.AsNoTracking()
            .Where(c => c.ChangedBy == id || names.Contains(c.ChangedByName.ToLower()))
            .Select(c => new { c.Id, c.CommitmentId, c.From, c.To, c.ChangedOn, c.ChangedBy, c.ChangedByName }).ToListAsync(cancellationToken), c => c.Id);
        Add("outcome_follow_ups", await db.FollowUps.AsNoTracking().Where(f => f.OwnerUserId == id || f.CreatedBy == id)
            .Select(f => new { f.Id, f.ActivityId, f.Action, f.OwnerUserId, f.DueDate, f.DoneOn, f.CreatedBy }).ToListAsync(cancellationToken), f => f.Id);
        Add("reporting_periods", await db.ReportingPeriods.AsNoTracking().Where(p => p.CreatedBy == id || p.ApprovedBy == id)
            .Select(p => new { p.Id, p.ProjectId, p.From, p.To, p.CreatedBy, p.ApprovedBy, p.ApprovedAt }).ToListAsync(cancellationToken), p => p.Id);
        Add("reporting_period_history", await db.Set<ReportingPeriodEntry>().AsNoTracking().Where(e => e.By == id || names.Contains(e.ByName.ToLower()))
            .Select(e => new { e.Id, e.PeriodId, e.At, e.By, e.ByName, e.FromStatus, e.ToStatus, e.Comment }).ToListAsync(cancellationToken), e => e.Id);
        return records;
    }

    public async Task<IReadOnlyDictionary<string, int>> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var id = subject.MatchUserId;
        var names = subject.LowerNames;
        const string erased = DataSubject.ErasedName;
        // One statement per column, bypassing the change tracker on purpose: an audited update would copy each name
        // into its audit entry's "before". One audit entry with the counts records the erasure instead.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var counts = new Dictionary<string, int>
        {
            ["activities.logged_by_name"] = await db.Activities
                .Where(a => (a.LoggedBy == id || names.Contains(a.LoggedByName.ToLower())) && a.LoggedByName != erased)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.LoggedByName, erased), cancellationToken),
            ["asks.created_by_name"] = await db.Asks
                .Where(a => (a.CreatedBy == id || names.Contains(a.CreatedByName.ToLower())) && a.CreatedByName != erased)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.CreatedByName, erased), cancellationToken),
            ["ask_status_changes.changed_by_name"] = await db.AskStatusChanges
                .Where(c => (c.ChangedBy == id || names.Contains(c.ChangedByName.ToLower())) && c.ChangedByName != erased)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.ChangedByName, erased), cancellationToken),
            ["activity_outcomes.recorded_by_name"] = await db.ActivityOutcomes
                .Where(o => (o.RecordedBy == id || names.Contains(o.RecordedByName.ToLower())) && o.RecordedByName != erased)
                .ExecuteUpdateAsync(set => set.SetProperty(o => o.RecordedByName, erased), cancellationToken),
            ["commitments.created_by_name"] = await db.Commitments
                .Where(c => (c.CreatedBy == id || names.Contains(c.CreatedByName.ToLower())) && c.CreatedByName != erased)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.CreatedByName, erased), cancellationToken),
            ["commitment_status_changes.changed_by_name"] = await db.CommitmentStatusChanges
                .Where(c => (c.ChangedBy == id || names.Contains(c.ChangedByName.ToLower())) && c.ChangedByName != erased)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.ChangedByName, erased), cancellationToken),
            ["reporting_period_history.by_name"] = await db.Set<ReportingPeriodEntry>()
                .Where(e => (e.By == id || names.Contains(e.ByName.ToLower())) && e.ByName != erased)
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.ByName, erased), cancellationToken),
            // Stakeholder names are unique per parent: each erased person keeps a distinct name. Kind, level and
            // country stay, so the figures by stakeholder kind stay the same.
            ["stakeholders.name"] = await db.Stakeholders
                .Where(s => s.Kind == StakeholderKind.Person && names.Contains(s.Name.ToLower()))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(s => s.Name, s => erased + " " + s.Id.ToString().Substring(0, 8))
                    .SetProperty(s => s.Function, (string?)null)
                    .SetProperty(s => s.Party, (string?)null), cancellationToken),
            // An erased account works on nothing any more (ADR 0016).
            ["project_assignments"] = await db.ProjectAssignments.Where(a => a.UserId == id).ExecuteDeleteAsync(cancellationToken),
        };
        db.Add(PersonalDataAudit.Entry(http.HttpContext, clock, "erased", subject.AuditKey, counts));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts;
    }
}
