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
}
