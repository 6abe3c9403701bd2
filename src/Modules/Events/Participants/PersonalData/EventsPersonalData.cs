using Advocacy.BuildingBlocks.Data;
using Advocacy.Modules.Events.Data;
using Microsoft.AspNetCore.Http;

namespace Advocacy.Modules.Events.Participants.PersonalData;

/// <summary>
/// Events' personal data: the names of participants who consented to be named. Erasure (and retention) un-names the
/// participant: the row (organisation, role) stays, so participant counts and attendance stay the same.
/// </summary>
internal sealed class EventsPersonalData(EventsDbContext db, IHttpContextAccessor http, TimeProvider clock) : IPersonalDataHolder
{
    public string Schema => EventsModule.Schema;

    public async Task<IReadOnlyList<PersonalDataRecord>> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var names = subject.LowerNames;
        var participants = await db.Participants.AsNoTracking()
            .Where(p => p.PersonName != null && names.Contains(p.PersonName.ToLower()))
            .Join(db.Events, p => p.EventId, e => e.Id, (p, e) => new
            {
                p.Id, p.EventId, EventTitle = e.Title, e.StartsOn, p.Organisation, p.Role, p.PersonName, p.ConsentRecordedOn, p.CreatedAt,
            })
            .ToListAsync(cancellationToken);
        return participants.Select(p => new PersonalDataRecord($"{Schema}.participants", p.Id.ToString(), p)).ToList();
    }

    public async Task<IReadOnlyDictionary<string, int>> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var names = subject.LowerNames;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var counts = new Dictionary<string, int>
        {
            ["participants.person_name"] = await Unname(db.Participants.Where(p => p.PersonName != null && names.Contains(p.PersonName.ToLower())), cancellationToken),
        };
        db.Add(PersonalDataAudit.Entry(http.HttpContext, clock, "erased", subject.AuditKey, counts));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    /// <summary>
    /// Un-names participants in one statement, bypassing the change tracker on purpose: an audited update would
    /// copy the name into the audit entry's "before". The caller adds one audit entry with the count instead.
    /// </summary>
    internal static Task<int> Unname(IQueryable<Participant> participants, CancellationToken cancellationToken) =>
        participants.ExecuteUpdateAsync(set => set
            .SetProperty(p => p.PersonName, (string?)null)
            .SetProperty(p => p.ConsentRecordedOn, (DateOnly?)null), cancellationToken);
}
