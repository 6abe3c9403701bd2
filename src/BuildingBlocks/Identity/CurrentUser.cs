using System.Security.Claims;

namespace Advocacy.BuildingBlocks.Identity;

/// <summary>Who is making the request, as modules record it ("logged by", "deleted by").</summary>
public static class CurrentUser
{
    /// <summary>The signed-in user's id; endpoints behind an authorization policy always have one.</summary>
    public static string UserId(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("The request has no signed-in user.");

    /// <summary>The signed-in user's name (their email), for display.</summary>
    public static string UserName(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.Name) ?? principal.UserId();
}

/// <summary>
/// The users the host knows, for modules that store user ids (responsible staff) and must check
/// them without reading the host's identity tables.
/// </summary>
public interface IUserDirectory
{
    /// <summary>Names (emails) of the given user ids that exist; unknown ids are absent from the result.</summary>
    Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken);

    /// <summary>Every user with a role, as (id, name), by name: the people a form may offer to choose from.</summary>
    Task<IReadOnlyList<(string Id, string Name)>> ListAsync(CancellationToken cancellationToken);
}
