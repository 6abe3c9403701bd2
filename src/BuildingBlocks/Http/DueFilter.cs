using System.Security.Claims;
using Advocacy.BuildingBlocks.Identity;

namespace Advocacy.BuildingBlocks.Http;

/// <summary>Which open follow-ups a "due" list shows, by due date.</summary>
public enum DueWindow
{
    /// <summary>Due before today.</summary>
    Overdue,

    /// <summary>Due from today through seven days from now.</summary>
    Week,
}

/// <summary>
/// The filter "my follow-ups due" lists share (Coalitions' meetings, Projects' advocacy outcomes):
/// <c>owner</c> is "me" or a user id; <c>due</c> is "overdue" or "week". Due dates from
/// <see cref="DueFrom"/> through <see cref="DueTo"/> (inclusive; null: no bound).
/// </summary>
public sealed record DueFilter(string? OwnerId, DateOnly? DueFrom, DateOnly? DueTo)
{
    /// <summary>Reads the query; an unknown <paramref name="due"/> adds an error on "due".</summary>
    public static DueFilter Parse(string? owner, string? due, ClaimsPrincipal user, DateOnly today, Dictionary<string, string[]> errors)
    {
        var ownerId = string.Equals(owner?.Trim(), "me", StringComparison.OrdinalIgnoreCase) ? user.UserId() : Input.Blank(owner);
        return QueryEnum.Parse<DueWindow>(due, "due", errors) switch
        {
            DueWindow.Overdue => new DueFilter(ownerId, null, today.AddDays(-1)),
            DueWindow.Week => new DueFilter(ownerId, today, today.AddDays(7)),
            _ => new DueFilter(ownerId, null, null),
        };
    }
}
