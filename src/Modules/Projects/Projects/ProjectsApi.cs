using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Advocacy.Modules.Projects.Projects;

internal static class ProjectsApi
{
    /// <summary>The route group every projects endpoint hangs from, tagged for the OpenAPI document.</summary>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder app) => app.MapGroup("/api/projects").WithTags("Projects");
}

/// <summary>A project as the API returns it.</summary>
internal sealed record ProjectResponse(
    Guid Id,
    string Code,
    string Name,
    Contracts.ProjectLevel Level,
    DateOnly StartDate,
    DateOnly? EndDate,
    DateTimeOffset CreatedAt,
    uint Version)
{
    public static ProjectResponse From(Project p) => new(p.Id, p.Code, p.Name, p.Level, p.StartDate, p.EndDate, p.CreatedAt, p.Version);
}
