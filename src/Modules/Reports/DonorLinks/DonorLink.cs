using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace Advocacy.Modules.Reports.DonorLinks;

/// <summary>
/// A read-only link a manager gives a donor: it shows one project's dashboard figures from approved
/// periods to someone with no account, until it expires or is revoked. Only the token's hash is
/// stored, so a database reader cannot rebuild a working link.
/// </summary>
internal sealed class DonorLink
{
    public Guid Id { get; init; }

    public Guid ProjectId { get; init; }

    /// <summary>Who the link is for, as the manager describes it (e.g. "European Commission, DG HOME").</summary>
    public required string Label { get; set; }

    /// <summary>SHA-256 of the token, hex.</summary>
    public required string TokenHash { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public bool IsLive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

    /// <summary>A new random token: 32 bytes, URL-safe.</summary>
    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
