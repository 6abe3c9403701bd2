using System.Globalization;
using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Events.Events;

namespace Advocacy.Modules.Events.Areas.Events.Pages;

/// <summary>How the pages write an event's sessions, in the reader's culture.</summary>
internal static class EventDisplay
{
    /// <summary>"18 November 2026 · 09:30–12:00", the hours when known.</summary>
    public static string Session(SessionResponse session)
    {
        var text = Display.Date(session.Date);
        if (session.StartTime is { } start)
        {
            text += " · " + start.ToString("t", CultureInfo.CurrentCulture);
            if (session.EndTime is { } end)
            {
                text += "–" + end.ToString("t", CultureInfo.CurrentCulture);
            }
        }
        return text;
    }

    /// <summary>The first day, and the last when there are several.</summary>
    public static string Dates(IReadOnlyList<SessionResponse> sessions) =>
        sessions.Count switch
        {
            0 => "",
            1 => Display.Date(sessions[0].Date),
            _ => $"{Display.Date(sessions[0].Date)} – {Display.Date(sessions[^1].Date)}",
        };
}
