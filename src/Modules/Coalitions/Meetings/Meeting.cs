using Advocacy.Modules.Coalitions.Contracts;

namespace Advocacy.Modules.Coalitions.Meetings;

/// <summary>A meeting of a coalition: who attended for the organisation, which projects it served, what follows from it.</summary>
internal sealed class Meeting
{
    public Guid Id { get; init; }

    public Guid CoalitionId { get; init; }

    public DateOnly Date { get; set; }

    public string? Agenda { get; set; }

    /// <summary>The staff (host user ids) who attended for the organisation.</summary>
    public List<string> AttendeeUserIds { get; set; } = [];

    /// <summary>The projects (Projects module) the meeting served.</summary>
    public List<Guid> ProjectIds { get; set; } = [];

    public List<FollowUp> FollowUps { get; set; } = [];

    public required string RecordedBy { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    /// <summary>Whether Projects records it as advocacy work: someone attended for us and it served projects.</summary>
    public bool IsReported => AttendeeUserIds.Count > 0 && ProjectIds.Count > 0;

    /// <summary>The meeting's whole state for Projects; no projects when it is not (or no longer) reported.</summary>
    public CoalitionMeetingAttended ToEvent(string coalitionName, DateTimeOffset occurredAt) => new(
        Id, CoalitionId, coalitionName, Date, Agenda, AttendeeUserIds.Count, IsReported ? ProjectIds.ToList() : [], occurredAt);
}

/// <summary>An action agreed at a meeting, with who does it and by when.</summary>
internal sealed class FollowUp
{
    public Guid Id { get; init; }

    public Guid MeetingId { get; init; }

    public required string Action { get; set; }

    /// <summary>The user (host user id) who does it.</summary>
    public required string OwnerUserId { get; set; }

    /// <summary>Never before the meeting.</summary>
    public DateOnly DueDate { get; set; }

    /// <summary>When it was done; null while it is open.</summary>
    public DateOnly? DoneOn { get; set; }

    /// <summary>When it was last edited; every edit writes the row, so a stale version is always caught.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }
}
