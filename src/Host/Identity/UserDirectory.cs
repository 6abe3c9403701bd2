using Advocacy.BuildingBlocks.Identity;
using Microsoft.EntityFrameworkCore;

namespace Advocacy.Host.Identity;

/// <summary>Answers modules' questions about users from the host's identity schema.</summary>
internal sealed class UserDirectory(IdentityDb db) : IUserDirectory
{
    public async Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<string, string>();
        }
        return await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Email ?? u.UserName ?? u.Id, cancellationToken);
    }

    public async Task<IReadOnlyList<(string Id, string Name)>> ListAsync(CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(r => r.UserId == u.Id))
            .Select(u => new { u.Id, Name = u.Email ?? u.UserName ?? u.Id })
            .ToListAsync(cancellationToken);
        return users.OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase).Select(u => (u.Id, u.Name)).ToList();
    }
}
