using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Data;

namespace Advocacy.Modules.Projects.Projects;

/// <summary>For endpoints under <c>/api/projects/{projectId}</c> that own things of a project.</summary>
internal static class ProjectLookup
{
    /// <summary>Throws <see cref="NotFoundException"/> (answered with 404) when the project does not exist.</summary>
    public static async Task EnsureProjectExistsAsync(this ProjectsDbContext db, Guid projectId, CancellationToken cancellationToken)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            throw new NotFoundException("Project", projectId);
        }
    }
}
