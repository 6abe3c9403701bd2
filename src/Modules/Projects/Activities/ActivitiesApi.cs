using Advocacy.Modules.Projects.Contracts;

namespace Advocacy.Modules.Projects.Activities;

internal static class ActivitiesApi
{
    /// <summary>Activities across projects: list, read, edit, delete.</summary>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder app) => app.MapGroup("/api/activities").WithTags("Activities");

    /// <summary>A project's activities: log one, import many.</summary>
    public static RouteGroupBuilder ProjectGroup(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/projects/{projectId:guid}/activities").WithTags("Activities");
}

internal sealed record ReachInput(Audience? Audience, Gender? Gender, int? Count);

/// <summary>An activity as the API returns it.</summary>
internal sealed record ActivityResponse(
    Guid Id,
    Guid ProjectId,
    ActivityType Type,
    DateOnly Date,
    string Title,
    string? Notes,
    string? Place,
    string? Country,
    List<ReachCount> Reach,
    int TotalReach,
    List<Guid> IndicatorIds,
    Guid? EventId,
    Guid? CoalitionId,
    Guid? ReportId,
    ActivitySource Source,
    string LoggedBy,
    string LoggedByName,
    DateTimeOffset LoggedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? DeletedAt,
    uint Version)
{
    public static ActivityResponse From(Activity a) => new(
        a.Id, a.ProjectId, a.Type, a.Date, a.Title, a.Notes, a.Place, a.Country,
        a.Reach.Select(r => new ReachCount(r.Audience, r.Gender, r.Count)).ToList(), a.TotalReach,
        a.IndicatorIds, a.EventId, a.CoalitionId, a.ReportId, a.Source, a.LoggedBy, a.LoggedByName,
        a.LoggedAt, a.UpdatedAt, a.DeletedAt, a.Version);
}
