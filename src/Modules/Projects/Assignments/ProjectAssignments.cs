using Advocacy.BuildingBlocks.Authorization;
using Advocacy.Modules.Projects.Data;

namespace Advocacy.Modules.Projects.Assignments;

/// <summary>Reads a user's assignments for the host, which puts them on the signed-in principal.</summary>
internal sealed class ProjectAssignments(ProjectsDbContext db) : IProjectAssignments
{
    public async Task<IReadOnlyList<Guid>> AssignedProjectsAsync(string userId, CancellationToken cancellationToken) =>
        await db.ProjectAssignments.AsNoTracking()
            .Where(a => a.UserId == userId)
            .Select(a => a.ProjectId)
            .ToListAsync(cancellationToken);
}
