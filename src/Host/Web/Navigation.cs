using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;

namespace Advocacy.Host.Web;

/// <summary>One link of the main navigation: its text (a key of <see cref="Pages.UiText"/>), address and who sees it.</summary>
internal sealed record NavLink(string Text, string Href, IReadOnlyList<string> Roles);

/// <summary>
/// The main navigation, by role. A module's new page adds one line here (the host owns the layout);
/// the first link a user may see is their home page.
/// </summary>
internal static class Navigation
{
    private static readonly string[] Everyone = [Roles.Staff, Roles.Manager, Roles.Admin];
    private static readonly string[] Managers = [Roles.Manager, Roles.Admin];
    private static readonly string[] Admins = [Roles.Admin];

    // Staff: log activity, my activities, publications, donor reports, events, coalitions, projects.
    // Managers also: dashboards, approvals. Admins also: the audit trail, users.
    public static readonly IReadOnlyList<NavLink> Links =
    [
        new("Log activity", "/projects/activities/log", Everyone),
        new("My activities", "/projects/activities/mine", Everyone),
        new("Import", "/projects/activities/import", Everyone),
        new("Projects", "/projects", Everyone),
        new("Approvals", "/projects/approvals", Managers),
        new("Events", "/events", Everyone),
        new("Coalitions", "/coalitions", Everyone),
        new("Publications", "/reports/publications", Everyone),
        // Staff write donor reports' narratives (the API's write policy); dashboards are the managers' page.
        new("Donor reports", "/reports/donor-reports", Everyone),
        new("Dashboards", "/reports/dashboards", Managers),
        new("Follow-ups", "/projects/advocacy/due", Everyone),
        new("Stakeholders", "/projects/advocacy/stakeholders", Everyone),
        new("Audit trail", "/admin/audit", Admins),
    ];

    public static IEnumerable<NavLink> For(ClaimsPrincipal user) =>
        Links.Where(link => link.Roles.Any(user.IsInRole));

    /// <summary>Where "/" takes a signed-in user: their first link, else nowhere they may not go.</summary>
    public static string Home(ClaimsPrincipal user) => For(user).FirstOrDefault()?.Href ?? "/error/403";
}
