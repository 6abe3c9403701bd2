namespace Advocacy.Modules.Projects.Assignments;

internal static class AssignmentsApi
{
    /// <summary>A user's project assignments, which admins manage.</summary>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/admin/users/{userId}/projects").WithTags("Users and assignments");
}

/// <summary>The projects a user is assigned to: the whole list replaces the current one.</summary>
internal sealed record UserProjectsRequest(List<Guid>? ProjectIds);

/// <summary>A project a user is assigned to.</summary>
internal sealed record AssignedProject(Guid ProjectId, string Code, string Name, DateTimeOffset AssignedAt, string AssignedBy);
