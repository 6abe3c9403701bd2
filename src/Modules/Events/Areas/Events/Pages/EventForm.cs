using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Events.Contracts;
using Advocacy.Modules.Events.Events;

namespace Advocacy.Modules.Events.Areas.Events.Pages;

/// <summary>
/// The event form as the browser posts it. It only carries values: the endpoint's request, validator and
/// handler decide what is valid (<see cref="ToRequest"/>).
/// </summary>
internal sealed class EventForm
{
    public const int MaxSessionRows = EventRequestValidator.MaxSessions;

    public string? Title { get; set; }

    public EventKind? Kind { get; set; }

    public string? Description { get; set; }

    public List<SessionRow> Sessions { get; set; } = [];

    public string? Place { get; set; }

    public string? Country { get; set; }

    public bool Online { get; set; }

    public string? OnlineUrl { get; set; }

    public bool? OrganisedByUs { get; set; }

    public string? OrganiserName { get; set; }

    public List<Guid> ProjectIds { get; set; } = [];

    /// <summary>The version read, for an edit (optimistic concurrency).</summary>
    public uint? Version { get; set; }

    /// <summary>Keeps one empty session row to type in.</summary>
    public EventForm Padded()
    {
        if (Sessions.Count < MaxSessionRows && !Sessions.Any(s => s.IsBlank))
        {
            Sessions.Add(new SessionRow());
        }
        return this;
    }

    /// <summary>
    /// The endpoint's request; blank session rows are left out, and <paramref name="rowOf"/> maps each session
    /// of the request back to its row in the form, for error messages.
    /// </summary>
    public EventRequest ToRequest(out IReadOnlyList<int> rowOf)
    {
        var rows = Sessions.Select((row, index) => (row, index)).Where(r => !r.row.IsBlank).ToList();
        rowOf = rows.Select(r => r.index).ToList();
        return new EventRequest(
            Title ?? "", Kind, rows.Select(r => new SessionInput(r.row.Date, r.row.StartTime, r.row.EndTime)).ToList(),
            OrganisedByUs, BuildingBlocks.Input.Blank(OrganiserName), Description, Place,
            BuildingBlocks.Input.Blank(Country)?.ToUpperInvariant(), Online, BuildingBlocks.Input.Blank(OnlineUrl),
            ProjectIds, Version);
    }

    /// <summary>An error key of the request, with a session's index turned into its form row.</summary>
    public static string FormKey(string key, IReadOnlyList<int> rowOf) => FormErrors.ToFormRow(key, "sessions", rowOf);

    public static EventForm From(EventResponse e) => new()
    {
        Title = e.Title,
        Kind = e.Kind,
        Description = e.Description,
        Sessions = e.Sessions.Select(s => new SessionRow { Date = s.Date, StartTime = s.StartTime, EndTime = s.EndTime }).ToList(),
        Place = e.Place,
        Country = e.Country,
        Online = e.Online,
        OnlineUrl = e.OnlineUrl,
        OrganisedByUs = e.OrganisedByUs,
        OrganiserName = e.OrganiserName,
        ProjectIds = e.ProjectIds.ToList(),
        Version = e.Version,
    };
}

/// <summary>One day of the event, with its hours when known.</summary>
internal sealed class SessionRow
{
    public DateOnly? Date { get; set; }

    public TimeOnly? StartTime { get; set; }

    public TimeOnly? EndTime { get; set; }

    public bool IsBlank => Date is null && StartTime is null && EndTime is null;
}
