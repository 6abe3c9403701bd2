using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Coalitions.Data;

namespace Advocacy.Modules.Coalitions.Shared;

/// <summary>
/// The checks a request's references need beyond its own fields: linked projects must be known to the
/// module (it learns them from Projects' events), named people must be users of the platform.
/// </summary>
internal static class LinkChecks
{
    public static string VersionMissing => SharedMessages.VersionMissing;

    /// <summary>Adds an error on <c>projectIds</c> naming the projects the module does not know.</summary>
    public static async Task CheckProjectsAsync(
        this CoalitionsDbContext db, IReadOnlyCollection<Guid>? projectIds, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (projectIds is not { Count: > 0 })
        {
            return;
        }
        var known = await db.KnownProjects.Where(p => projectIds.Contains(p.ProjectId)).Select(p => p.ProjectId).ToListAsync(cancellationToken);
        var unknown = projectIds.Except(known).ToList();
        if (unknown.Count > 0)
        {
            errors["projectIds"] = [$"Unknown projects: {string.Join(", ", unknown)}."];
        }
    }

    /// <summary>
    /// Adds an error on each field whose user id is not an existing user. Ids already stored on the record
    /// are let through unchanged, so a colleague who has left does not block an edit of an old meeting.
    /// </summary>
    public static async Task CheckUsersAsync(
        this IUserDirectory users,
        IEnumerable<(string Field, string UserId)> references,
        IReadOnlySet<string> alreadyStored,
        Dictionary<string, string[]> errors,
        CancellationToken cancellationToken)
    {
        var toCheck = references.Where(r => !alreadyStored.Contains(r.UserId)).ToList();
        if (toCheck.Count == 0)
        {
            return;
        }
        var found = await users.FindAsync(toCheck.Select(r => r.UserId).Distinct().ToList(), cancellationToken);
        foreach (var field in toCheck.Where(r => !found.ContainsKey(r.UserId)).GroupBy(r => r.Field))
        {
            errors[field.Key] = [$"Not a user of the platform: {string.Join(", ", field.Select(r => r.UserId))}."];
        }
    }

    /// <summary>Adds an error on <c>version</c> when an edit does not say which version it read.</summary>
    public static void RequireVersion(uint? version, Dictionary<string, string[]> errors)
    {
        if (version is null)
        {
            errors["version"] = [VersionMissing];
        }
    }
}
