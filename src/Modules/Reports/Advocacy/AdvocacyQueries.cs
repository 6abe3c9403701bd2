using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Reports.Dashboards;
using Advocacy.Modules.Reports.Data;

namespace Advocacy.Modules.Reports.Advocacy;

/// <summary>Commitments by where they stand; overdue ones are open past their due date.</summary>
internal sealed record CommitmentFigures(int Made, int InProgress, int Fulfilled, int Broken, int Open, int Overdue);

/// <summary>What came of the advocacy: asks by status, stakeholders' answers, commitments.</summary>
internal sealed record AdvocacyFigures(Dictionary<string, int> AsksByStatus, Dictionary<string, int> Responses, CommitmentFigures Commitments);

internal static class AdvocacyQueries
{
    /// <summary>
    /// A project's (or the organisation's) advocacy in a period: asks opened by its end, answers given on
    /// activities in it, commitments made in it. Only outcomes of activities still in the log count.
    /// </summary>
    public static async Task<AdvocacyFigures> FiguresAsync(
        ReportsDbContext db, Guid? projectId, DateOnly? from, DateOnly? to, DateOnly today, CancellationToken cancellationToken)
    {
        // Outcomes and commitments are dated by their activity as Reports now knows it, so an activity moved to another
        // day takes them along, and a deleted one takes them out.
        var live = db.ActivityFacts.Where(f => !f.Deleted);
        var asks = db.AskFacts.AsNoTracking();
        if (projectId is not null)
        {
            asks = asks.Where(a => a.ProjectId == projectId);
            live = live.Where(f => f.ProjectId == projectId);
        }
        if (from is not null)
        {
            asks = asks.Where(a => a.ClosedOn == null || a.ClosedOn >= from);
            live = live.Where(f => f.Date >= from);
        }
        if (to is not null)
        {
            asks = asks.Where(a => a.OpenedOn <= to);
            live = live.Where(f => f.Date <= to);
        }
        var outcomes = db.OutcomeFacts.AsNoTracking().Where(o => live.Any(f => f.ActivityId == o.ActivityId));
        var commitments = db.CommitmentFacts.AsNoTracking().Where(c => live.Any(f => f.ActivityId == c.ActivityId));

        var asksByStatus = await asks.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var responses = await outcomes.SelectMany(o => o.Responses).GroupBy(r => r.Response)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var byStatus = (await commitments.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Key, c => c.Count);
        var overdue = await commitments.CountAsync(c =>
            (c.Status == CommitmentStatus.Made || c.Status == CommitmentStatus.InProgress) && c.DueDate < today, cancellationToken);
        int Count(CommitmentStatus status) => byStatus.GetValueOrDefault(status);

        return new AdvocacyFigures(
            asksByStatus.ToDictionary(a => DashboardQueries.Camel(a.Key.ToString()), a => a.Count),
            responses.ToDictionary(r => DashboardQueries.Camel(r.Key.ToString()), r => r.Count),
            new CommitmentFigures(
                Count(CommitmentStatus.Made), Count(CommitmentStatus.InProgress), Count(CommitmentStatus.Fulfilled), Count(CommitmentStatus.Broken),
                Count(CommitmentStatus.Made) + Count(CommitmentStatus.InProgress), overdue));
    }
}
