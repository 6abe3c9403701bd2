namespace Advocacy.Modules.Coalitions.Contracts;

/// <summary>
/// Published when a coalition meeting that someone attended for the organisation is recorded or
/// changed, when it is linked to projects; carries the whole state (same <paramref name="MeetingId"/>:
/// replace). Projects records one advocacy activity per linked project.
/// </summary>
/// <param name="MeetingId">The meeting's id.</param>
/// <param name="CoalitionId">The coalition or platform that met.</param>
/// <param name="CoalitionName">Its name, e.g. Kinderrechtencoalitie.</param>
/// <param name="Date">The day of the meeting.</param>
/// <param name="Agenda">What was on the agenda, when given.</param>
/// <param name="AttendeesForUs">How many of the organisation's people attended.</param>
/// <param name="ProjectIds">The projects (Projects module) the meeting served; empty when it is no longer linked.</param>
/// <param name="OccurredAt">When it was recorded or changed.</param>
public sealed record CoalitionMeetingAttended(
    Guid MeetingId,
    Guid CoalitionId,
    string CoalitionName,
    DateOnly Date,
    string? Agenda,
    int AttendeesForUs,
    IReadOnlyList<Guid> ProjectIds,
    DateTimeOffset OccurredAt);

/// <summary>
/// Published when the organisation signs a joint statement or position that is linked to projects, and
/// when such a statement changes (same <paramref name="StatementId"/>: replace). Projects records one
/// advocacy activity per linked project.
/// </summary>
/// <param name="StatementId">The statement's id.</param>
/// <param name="CoalitionId">The coalition it was made in, if any.</param>
/// <param name="CoalitionName">That coalition's name, if any.</param>
/// <param name="Title">The statement's title.</param>
/// <param name="Date">The day it was issued.</param>
/// <param name="AddressedTo">To whom, e.g. "European institutions".</param>
/// <param name="SignatoryCount">How many organisations signed it (12 for the network statement on refugee children).</param>
/// <param name="ProjectIds">The projects (Projects module) it served; empty when it is no longer linked.</param>
/// <param name="OccurredAt">When it was signed or changed.</param>
public sealed record StatementSigned(
    Guid StatementId,
    Guid? CoalitionId,
    string? CoalitionName,
    string Title,
    DateOnly Date,
    string AddressedTo,
    int SignatoryCount,
    IReadOnlyList<Guid> ProjectIds,
    DateTimeOffset OccurredAt);
