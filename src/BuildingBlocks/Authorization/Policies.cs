namespace Advocacy.BuildingBlocks.Authorization;

/// <summary>The platform's roles, held by ASP.NET Core Identity in the host.</summary>
public static class Roles
{
    public const string Staff = "staff";
    public const string Manager = "manager";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Staff, Manager, Admin];
}

/// <summary>
/// Authorization policy names endpoints name explicitly. The host defines them; anything without a
/// policy still requires a signed-in user (the fallback policy), and only endpoints marked
/// AllowAnonymous are public.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in user with one of the platform's roles.</summary>
    public const string Read = "read";

    /// <summary>Staff, managers and admins: record and change the organisation's work.</summary>
    public const string Write = "write";

    /// <summary>Managers and admins: approve reporting periods, share figures with donors.</summary>
    public const string Manage = "manage";

    /// <summary>Admins only: users, roles and assignments.</summary>
    public const string Admin = "admin";
}
