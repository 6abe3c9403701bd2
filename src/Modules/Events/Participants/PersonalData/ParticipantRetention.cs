using Advocacy.BuildingBlocks.Data;
using Advocacy.Modules.Events.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Advocacy.Modules.Events.Participants.PersonalData;

/// <summary>
/// Keeps participants' names no longer than <c>PersonalData:ParticipantRetentionMonths</c> after their event ended
/// (its last session): once a day, un-names the participants of events that ended before then. Not set, or 0: kept.
/// </summary>
internal sealed class ParticipantRetention(
    IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<ParticipantRetention> logger) : BackgroundService
{
    public const string Setting = "PersonalData:ParticipantRetentionMonths";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var months = configuration.GetValue<int?>(Setting) ?? 0;
        if (months <= 0)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var count = await AnonymiseExpiredAsync(scope.ServiceProvider.GetRequiredService<EventsDbContext>(), months, clock, stoppingToken);
                if (count > 0)
                {
                    logger.LogInformation("Retention: {Count} participants of events that ended over {Months} months ago un-named", count, months);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Participant retention failed; next try in a day");
            }
            await Task.Delay(TimeSpan.FromDays(1), clock, stoppingToken);
        }
    }

    /// <summary>Un-names the participants of events whose last session is more than <paramref name="months"/> months before today.</summary>
    internal static async Task<int> AnonymiseExpiredAsync(EventsDbContext db, int months, TimeProvider clock, CancellationToken cancellationToken)
    {
        var cutoff = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddMonths(-months);
        // StartsOn (the first session) narrows the search; the last session decides.
        var candidates = await db.Events.AsNoTracking()
            .Where(e => e.StartsOn < cutoff && db.Participants.Any(p => p.EventId == e.Id && p.PersonName != null))
            .ToListAsync(cancellationToken);
        var ended = candidates.Where(e => e.Sessions.Max(s => s.Date) < cutoff).Select(e => e.Id).ToList();
        if (ended.Count == 0)
        {
            return 0;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var count = await EventsPersonalData.Unname(db.Participants.Where(p => ended.Contains(p.EventId) && p.PersonName != null), cancellationToken);
        db.Add(PersonalDataAudit.Entry(null, clock, "retention", "participants", new { months, cutoff, events = ended.Count, participants = count }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }
}
