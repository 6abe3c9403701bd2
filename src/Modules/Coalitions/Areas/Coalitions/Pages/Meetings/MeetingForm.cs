using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Coalitions.Meetings;

namespace Advocacy.Modules.Coalitions.Areas.Coalitions.Pages.Meetings;

/// <summary>
/// The meeting form as the browser posts it: values only; the endpoint's request, validator and handler
/// decide what is valid.
/// </summary>
internal sealed class MeetingForm
{
    public const int MaxFollowUpRows = FollowUpRequestValidator.MaxPerMeeting;

    public DateOnly? Date { get; set; }

    public string? Agenda { get; set; }

    public List<string> AttendeeUserIds { get; set; } = [];

    public List<Guid> ProjectIds { get; set; } = [];

    /// <summary>Follow-ups typed when the meeting is recorded; an edit adds them one at a time.</summary>
    public List<FollowUpRow> FollowUps { get; set; } = [];

    public uint? Version { get; set; }

    /// <summary>
    /// The endpoint's request; blank follow-up rows are left out (none at all for an edit), and
    /// <paramref name="rowOf"/> maps each follow-up of the request back to its form row.
    /// </summary>
    public MeetingRequest ToRequest(bool withFollowUps, out IReadOnlyList<int> rowOf)
    {
        var rows = FollowUps.Select((row, index) => (row, index)).Where(r => withFollowUps && !r.row.IsBlank).ToList();
        rowOf = rows.Select(r => r.index).ToList();
        return new MeetingRequest(
            Date, Agenda, AttendeeUserIds, ProjectIds,
            withFollowUps ? rows.Select(r => r.row.ToRequest()).ToList() : null,
            Version);
    }

    /// <summary>An error key of the request, with a follow-up's index turned into its form row.</summary>
    public static string FormKey(string key, IReadOnlyList<int> rowOf) => FormErrors.ToFormRow(key, "followUps", rowOf);

    public static MeetingForm From(MeetingResponse meeting) => new()
    {
        Date = meeting.Date,
        Agenda = meeting.Agenda,
        AttendeeUserIds = meeting.AttendeeUserIds.ToList(),
        ProjectIds = meeting.ProjectIds.ToList(),
        Version = meeting.Version,
    };
}

/// <summary>A follow-up action: what, who does it, by when.</summary>
internal sealed class FollowUpRow
{
    public string? Action { get; set; }

    public string? OwnerUserId { get; set; }

    public DateOnly? DueDate { get; set; }

    /// <summary>Nothing typed (the owner is preset to the reader, so it does not count).</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Action) && DueDate is null;

    public FollowUpRequest ToRequest(bool? done = null, uint? version = null) => new(Action ?? "", OwnerUserId ?? "", DueDate, done, Version: version);
}
