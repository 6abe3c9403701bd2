using Advocacy.BuildingBlocks.Data;
using Advocacy.Modules.Reports.Data;
using Microsoft.AspNetCore.Http;

namespace Advocacy.Modules.Reports.PersonalData;

/// <summary>
/// Reports' personal data: only the user ids of who created publications, donor reports and links, changed a
/// recommendation's status, or asked for an export. Its read model and export files carry no one's name, so erasure
/// has nothing to rewrite here (the ids point to no one once the account is anonymised); it records that it looked.
/// </summary>
internal sealed class ReportsPersonalData(ReportsDbContext db, IHttpContextAccessor http, TimeProvider clock) : IPersonalDataHolder
{
    public string Schema => ReportsModule.Schema;

    public async Task<IReadOnlyList<PersonalDataRecord>> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var id = subject.MatchUserId;
        var records = new List<PersonalDataRecord>();
        void Add<T>(string table, IEnumerable<T> rows, Func<T, Guid> key) =>
            records.AddRange(rows.Select(r => new PersonalDataRecord($"{Schema}.{table}", key(r).ToString(), r!)));

        Add("publications", await db.Publications.AsNoTracking().Where(p => p.CreatedBy == id)
            .Select(p => new { p.Id, p.Title, p.CreatedBy, p.CreatedAt }).ToListAsync(cancellationToken), p => p.Id);
        Add("recommendation_status_changes", await db.RecommendationStatusChanges.AsNoTracking().Where(c => c.ChangedBy == id)
            .Select(c => new { c.Id, c.RecommendationId, c.From, c.To, c.ChangedOn, c.ChangedBy }).ToListAsync(cancellationToken), c => c.Id);
        Add("donor_reports", await db.DonorReports.AsNoTracking().Where(r => r.CreatedBy == id)
            .Select(r => new { r.Id, r.Title, r.CreatedBy, r.CreatedAt }).ToListAsync(cancellationToken), r => r.Id);
        Add("donor_links", await db.DonorLinks.AsNoTracking().Where(l => l.CreatedBy == id)
            .Select(l => new { l.Id, l.ProjectId, l.Label, l.CreatedBy, l.CreatedAt }).ToListAsync(cancellationToken), l => l.Id);
        Add("export_jobs", await db.ExportJobs.AsNoTracking().Where(j => j.RequestedBy == id)
            .Select(j => new { j.Id, j.DonorReportId, j.Format, j.FileName, j.RequestedBy, j.RequestedAt }).ToListAsync(cancellationToken), j => j.Id);
        return records;
    }

    public async Task<IReadOnlyDictionary<string, int>> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>();
        db.Add(PersonalDataAudit.Entry(http.HttpContext, clock, "erased", subject.AuditKey, counts));
        await db.SaveChangesAsync(cancellationToken);
        return counts;
    }
}
