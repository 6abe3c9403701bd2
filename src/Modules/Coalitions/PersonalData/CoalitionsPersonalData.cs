using Advocacy.BuildingBlocks.Data;
using Advocacy.Modules.Coalitions.Data;
using Microsoft.AspNetCore.Http;

namespace Advocacy.Modules.Coalitions.PersonalData;

/// <summary>
/// Coalitions' personal data: only user ids (who recorded a meeting or statement, who attended a meeting for the
/// organisation, who owns a follow-up). Members are organisations. Erasure keeps the ids, which point to no one once
/// the account is anonymised (so attendance counts stay the same), and records that it looked.
/// </summary>
internal sealed class CoalitionsPersonalData(CoalitionsDbContext db, IHttpContextAccessor http, TimeProvider clock) : IPersonalDataHolder
{
    public string Schema => CoalitionsModule.Schema;

    public async Task<IReadOnlyList<PersonalDataRecord>> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var id = subject.MatchUserId;
        var records = new List<PersonalDataRecord>();
        records.AddRange((await db.Meetings.AsNoTracking().Where(m => m.RecordedBy == id || m.AttendeeUserIds.Contains(id))
                .Select(m => new { m.Id, m.CoalitionId, m.Date, m.RecordedBy, Attended = m.AttendeeUserIds.Contains(id) }).ToListAsync(cancellationToken))
            .Select(m => new PersonalDataRecord($"{Schema}.meetings", m.Id.ToString(), m)));
        records.AddRange((await db.FollowUps.AsNoTracking().Where(f => f.OwnerUserId == id)
                .Select(f => new { f.Id, f.MeetingId, f.Action, f.OwnerUserId, f.DueDate, f.DoneOn }).ToListAsync(cancellationToken))
            .Select(f => new PersonalDataRecord($"{Schema}.follow_ups", f.Id.ToString(), f)));
        records.AddRange((await db.Statements.AsNoTracking().Where(s => s.RecordedBy == id)
                .Select(s => new { s.Id, s.Title, s.Date, s.RecordedBy }).ToListAsync(cancellationToken))
            .Select(s => new PersonalDataRecord($"{Schema}.statements", s.Id.ToString(), s)));
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
