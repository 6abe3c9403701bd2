using Advocacy.BuildingBlocks.Data;
using Advocacy.Host.Identity;
using Microsoft.EntityFrameworkCore;

namespace Advocacy.Host.PersonalData;

/// <summary>
/// The user account in the host's <c>identity</c> schema. Erasure anonymises it and locks it for good: no email, no
/// password, no roles, a user name that names no one; the row (and so the id other modules hold) stays.
/// </summary>
internal sealed class IdentityPersonalData(IdentityDb db, IHttpContextAccessor http, TimeProvider clock) : IPersonalDataHolder
{
    /// <summary>The user name an erased account keeps: unique, naming no one.</summary>
    public static string ErasedUserName(string userId) => $"erased-{userId}";

    public string Schema => IdentityDb.Schema;

    public async Task<IReadOnlyList<PersonalDataRecord>> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var id = subject.MatchUserId;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new
            {
                u.Id, u.UserName, u.Email, u.EmailConfirmed, u.PhoneNumber, u.TwoFactorEnabled, u.LockoutEnabled, u.LockoutEnd, u.AccessFailedCount,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
                Claims = db.UserClaims.Where(c => c.UserId == u.Id).Select(c => new { c.ClaimType, c.ClaimValue }).ToList(),
                Logins = db.UserLogins.Where(l => l.UserId == u.Id).Select(l => l.LoginProvider).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return user is null ? [] : [new PersonalDataRecord($"{Schema}.AspNetUsers", user.Id, user)];
    }

    public async Task<IReadOnlyDictionary<string, int>> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var id = subject.MatchUserId;
        var erasedName = ErasedUserName(id);
        // Bypassing the change tracker on purpose: an audited update would copy the email into the audit's "before".
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var counts = new Dictionary<string, int>
        {
            ["AspNetUsers"] = await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(set => set
                .SetProperty(u => u.UserName, erasedName)
                .SetProperty(u => u.NormalizedUserName, erasedName.ToUpperInvariant())
                .SetProperty(u => u.Email, (string?)null)
                .SetProperty(u => u.NormalizedEmail, (string?)null)
                .SetProperty(u => u.EmailConfirmed, false)
                .SetProperty(u => u.PhoneNumber, (string?)null)
                .SetProperty(u => u.PhoneNumberConfirmed, false)
                .SetProperty(u => u.PasswordHash, (string?)null)
                .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N"))
                .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString())
                .SetProperty(u => u.LockoutEnabled, true)
                .SetProperty(u => u.LockoutEnd, DateTimeOffset.MaxValue), cancellationToken),
            ["AspNetUserRoles"] = await db.UserRoles.Where(r => r.UserId == id).ExecuteDeleteAsync(cancellationToken),
            ["AspNetUserClaims"] = await db.UserClaims.Where(c => c.UserId == id).ExecuteDeleteAsync(cancellationToken),
            ["AspNetUserLogins"] = await db.UserLogins.Where(l => l.UserId == id).ExecuteDeleteAsync(cancellationToken),
            ["AspNetUserTokens"] = await db.UserTokens.Where(t => t.UserId == id).ExecuteDeleteAsync(cancellationToken),
        };
        db.Add(PersonalDataAudit.Entry(http.HttpContext, clock, "erased", subject.AuditKey, counts));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts;
    }
}
