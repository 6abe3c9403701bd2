using System.Security.Claims;
using Advocacy.BuildingBlocks.Http;

namespace Advocacy.BuildingBlocks.Authorization;

/// <summary>
/// Which projects a request may read and write (ADR 0016): staff only those they are assigned to, managers
/// and admins all of them. Work done without a signed-in user (consumers, start-up, donor links) is not
/// limited. The host puts a staff user's assignments on the principal as <see cref="ProjectClaim"/> claims.
/// </summary>
public sealed class ProjectAccess
{
    /// <summary>One claim per assigned project, its value the project id.</summary>
    public const string ProjectClaim = "advocacy:project";

    /// <summary>Marks a principal whose assignments were read, even when there are none.</summary>
    public const string AssignmentsReadClaim = "advocacy:assignments-read";

    /// <summary>The name of the EF Core query filter modules put on their project records.</summary>
    public const string FilterName = "ProjectAccess";

    /// <summary>Every project: managers, admins and work without a user.</summary>
    public static readonly ProjectAccess Everything = new(true, []);

    private ProjectAccess(bool all, Guid[] projectIds)
    {
        All = all;
        ProjectIds = projectIds;
    }

    /// <summary>True when no project is out of reach.</summary>
    public bool All { get; }

    /// <summary>The projects within reach when <see cref="All"/> is false.</summary>
    public Guid[] ProjectIds { get; }

    /// <summary>What <paramref name="user"/> may reach; a missing or anonymous user is not limited.</summary>
    public static ProjectAccess Of(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true || user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Admin))
        {
            return Everything;
        }
        var ids = user.FindAll(ProjectClaim)
            .Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .Distinct()
            .ToArray();
        return new ProjectAccess(false, ids);
    }

    /// <summary>Whether <paramref name="projectId"/> is within reach.</summary>
    public bool Covers(Guid projectId) => All || ProjectIds.Contains(projectId);

    /// <summary>
    /// Refuses (403) a change to a record's project links unless every project added or removed is within
    /// reach: staff may link an event or a statement to their projects and keep others' links as they are.
    /// </summary>
    public void EnsureMayRelink(IEnumerable<Guid> before, IEnumerable<Guid> after)
    {
        var changed = before.ToHashSet();
        changed.SymmetricExceptWith(after);
        var outOfReach = changed.Where(id => !Covers(id)).ToList();
        if (outOfReach.Count > 0)
        {
            throw new ForbiddenException(
                $"You are not assigned to project(s) {string.Join(", ", outOfReach)}: ask an admin to assign you, or leave their links as they are.");
        }
    }
}

/// <summary>The projects each user is assigned to, as the Projects module keeps them, for the host to put on the principal.</summary>
public interface IProjectAssignments
{
    /// <summary>The ids of the projects <paramref name="userId"/> is assigned to.</summary>
    Task<IReadOnlyList<Guid>> AssignedProjectsAsync(string userId, CancellationToken cancellationToken);
}
