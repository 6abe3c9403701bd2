using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.Activities;

/// <summary>A project's activity figures for a period, from Reports' own read model.</summary>
internal sealed record ProjectFigures(
    Guid ProjectId,
    DateOnly? From,
    DateOnly? To,
    int Activities,
    Dictionary<string, int> ActivitiesByType,
    int EventsHeld,
    int CoalitionActivities,
    int Reach,
    Dictionary<string, int> ReachByAudience,
    Dictionary<string, int> ReachByGender,
    Dictionary<string, int> ReachByCountry);

internal sealed class GetProjectFiguresEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/reports/projects").WithTags("Reports")
            .MapGet("{projectId:guid}/figures", Handle)
            .WithName("GetProjectFigures")
            .RequireAuthorization(Policies.Read)
            .WithSummary("Activities by type, events held, coalition work, and reach by audience, gender and country, for a project and period (dates inclusive).")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<ProjectFigures>, ValidationProblem>> Handle(
        Guid projectId, ReportsDbContext db, CancellationToken cancellationToken, DateOnly? from = null, DateOnly? to = null)
    {
        if (from is not null && to is not null && to < from)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["'to' must not be before 'from'."] });
        }
        if (!await db.ProjectSummaries.AnyAsync(p => p.ProjectId == projectId, cancellationToken))
        {
            throw new NotFoundException("Project", projectId);
        }

        var facts = db.ActivityFacts.AsNoTracking().Where(f => f.ProjectId == projectId && !f.Deleted);
        if (from is not null) facts = facts.Where(f => f.Date >= from);
        if (to is not null) facts = facts.Where(f => f.Date <= to);
        var byType = await facts.GroupBy(f => f.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var eventsHeld = await facts.Where(f => f.EventId != null).Select(f => f.EventId).Distinct().CountAsync(cancellationToken);
        var coalitionActivities = await facts.CountAsync(f => f.CoalitionId != null, cancellationToken);
        var reach = facts.SelectMany(f => f.Reach, (f, r) => new { f.Country, r.Audience, r.Gender, r.Count });
        var byAudience = await reach.GroupBy(r => r.Audience).Select(g => new { g.Key, Sum = g.Sum(r => r.Count) }).ToListAsync(cancellationToken);
        var byGender = await reach.GroupBy(r => r.Gender).Select(g => new { g.Key, Sum = g.Sum(r => r.Count) }).ToListAsync(cancellationToken);
        var byCountry = await reach.GroupBy(r => r.Country).Select(g => new { g.Key, Sum = g.Sum(r => r.Count) }).ToListAsync(cancellationToken);

        static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
        return TypedResults.Ok(new ProjectFigures(
            projectId, from, to,
            byType.Sum(t => t.Count),
            byType.ToDictionary(t => Camel(t.Key.ToString()), t => t.Count),
            eventsHeld,
            coalitionActivities,
            byAudience.Sum(r => r.Sum),
            byAudience.ToDictionary(r => Camel(r.Key.ToString()), r => r.Sum),
            byGender.ToDictionary(r => Camel(r.Key), r => r.Sum),
            byCountry.ToDictionary(r => r.Key ?? "unknown", r => r.Sum)));
    }
}
