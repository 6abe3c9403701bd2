using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Projects.Activities;
using Advocacy.Modules.Projects.Contracts;

namespace Advocacy.Modules.Projects.Areas.Projects.Pages.Activities;

/// <summary>
/// The activity form as the browser posts it. It only carries values: the endpoint's request, validator
/// and handler decide what is valid (<see cref="ToRequest"/>).
/// </summary>
internal sealed class ActivityForm
{
    /// <summary>Reach rows the form shows at least; more are added by a round trip, without script.</summary>
    public const int MinReachRows = 3;

    public const int MaxReachRows = 20;

    public Guid? ProjectId { get; set; }

    public ActivityType? Type { get; set; }

    public DateOnly? Date { get; set; }

    public string? Title { get; set; }

    public string? Notes { get; set; }

    public string? Place { get; set; }

    public string? Country { get; set; }

    public List<ReachRow> Reach { get; set; } = [];

    /// <summary>The version read, for an edit (optimistic concurrency).</summary>
    public uint? Version { get; set; }

    /// <summary>Fills the reach rows up to the minimum, so there is always an empty one to type in.</summary>
    public ActivityForm Padded()
    {
        while (Reach.Count < MinReachRows || (Reach.Count < MaxReachRows && !Reach.Any(r => r.IsBlank)))
        {
            Reach.Add(new ReachRow());
        }
        return this;
    }

    /// <summary>
    /// The endpoint's request. Blank reach rows are left out; <paramref name="rowOf"/> maps each reach
    /// entry of the request back to its row in the form, for error messages.
    /// </summary>
    public ActivityRequest ToRequest(out IReadOnlyList<int> rowOf, List<Guid>? indicatorIds = null, Guid? eventId = null, Guid? coalitionId = null, Guid? reportId = null)
    {
        var rows = Reach.Select((row, index) => (row, index)).Where(r => !r.row.IsBlank).ToList();
        rowOf = rows.Select(r => r.index).ToList();
        return new ActivityRequest(
            Type, Date, Title ?? "", Notes, Place, Input.Blank(Country)?.ToUpperInvariant(),
            rows.Select(r => new ReachInput(r.row.Audience, r.row.Gender, r.row.Count)).ToList(),
            indicatorIds, eventId, coalitionId, reportId, Version);
    }

    /// <summary>An error key of the request, with a reach entry's index turned into its form row.</summary>
    public static string FormKey(string key, IReadOnlyList<int> rowOf) =>
        FormErrors.RowIndex(key, "reach") is { } entry && entry < rowOf.Count
            ? FormErrors.WithRowIndex(key, "reach", rowOf[entry])
            : key;

    public static ActivityForm From(ActivityResponse activity) => new()
    {
        ProjectId = activity.ProjectId,
        Type = activity.Type,
        Date = activity.Date,
        Title = activity.Title,
        Notes = activity.Notes,
        Place = activity.Place,
        Country = activity.Country,
        Reach = activity.Reach.Select(r => new ReachRow { Audience = r.Audience, Gender = r.Gender, Count = r.Count }).ToList(),
        Version = activity.Version,
    };
}

/// <summary>One row of "people reached": an audience, a gender where known, and how many.</summary>
internal sealed class ReachRow
{
    public Audience? Audience { get; set; }

    public Gender? Gender { get; set; }

    public int? Count { get; set; }

    public bool IsBlank => Audience is null && Gender is null && Count is null;
}
