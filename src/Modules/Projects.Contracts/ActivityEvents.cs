namespace Advocacy.Modules.Projects.Contracts;

/// <summary>The kinds of advocacy activity staff log (a managed list).</summary>
public enum ActivityType
{
    /// <summary>A meeting with ministers, parliamentarians, officials.</summary>
    MeetingWithPolicyMakers,

    /// <summary>An event in or for a parliament.</summary>
    ParliamentaryEvent,

    /// <summary>A training, e.g. for hotel managers.</summary>
    Training,

    /// <summary>An awareness campaign, e.g. in schools.</summary>
    AwarenessCampaign,

    /// <summary>A workshop.</summary>
    Workshop,

    /// <summary>A response to a consultation, or a submission.</summary>
    ConsultationOrSubmission,

    /// <summary>A publication.</summary>
    Publication,

    /// <summary>A media appearance.</summary>
    Media,

    /// <summary>A meeting of a coalition or platform.</summary>
    CoalitionMeeting,

    /// <summary>Research.</summary>
    Research,

    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>Who was reached.</summary>
public enum Audience
{
    /// <summary>Children and young people.</summary>
    Children,

    /// <summary>Professionals: teachers, police, guardians, lawyers, hotel staff.</summary>
    Professionals,

    /// <summary>Policy makers: parliamentarians, ministers, officials.</summary>
    PolicyMakers,

    /// <summary>The general public.</summary>
    GeneralPublic,
}

/// <summary>Gender, where it is known.</summary>
public enum Gender
{
    /// <summary>Female.</summary>
    Female,

    /// <summary>Male.</summary>
    Male,

    /// <summary>Another gender.</summary>
    Other,
}

/// <summary>How many people of an audience (and gender, where known) an activity reached.</summary>
/// <param name="Audience">The audience.</param>
/// <param name="Gender">The gender, or null when not known or not split.</param>
/// <param name="Count">How many people; never negative.</param>
public sealed record ReachCount(Audience Audience, Gender? Gender, int Count);

/// <summary>The state of an activity as other modules need it, carried whole by activity events.</summary>
/// <param name="ActivityId">The activity's id.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Type">Its type, from the managed list.</param>
/// <param name="Date">The day it took place.</param>
/// <param name="Title">A short title.</param>
/// <param name="Place">Where, when given.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of the country where it took place, when given.</param>
/// <param name="Reach">People reached, by audience and gender.</param>
/// <param name="IndicatorIds">The indicators of the project's results framework it contributes to.</param>
/// <param name="EventId">The event (Events module) it belongs to, if any.</param>
/// <param name="CoalitionId">The coalition (Coalitions module) it was done in, if any.</param>
/// <param name="ReportId">The publication (Reports module) it concerns, if any.</param>
/// <param name="LoggedBy">Id of the user who logged it.</param>
public sealed record ActivityDetails(
    Guid ActivityId,
    Guid ProjectId,
    ActivityType Type,
    DateOnly Date,
    string Title,
    string? Place,
    string? Country,
    IReadOnlyList<ReachCount> Reach,
    IReadOnlyList<Guid> IndicatorIds,
    Guid? EventId,
    Guid? CoalitionId,
    Guid? ReportId,
    string LoggedBy);

/// <summary>Published when an activity is logged (by hand, by import, or from another module's message).</summary>
/// <param name="Activity">The activity as logged.</param>
/// <param name="OccurredAt">When it was logged.</param>
public sealed record ActivityLogged(ActivityDetails Activity, DateTimeOffset OccurredAt);

/// <summary>Published when an activity is edited; carries the whole new state.</summary>
/// <param name="Activity">The activity as it now is.</param>
/// <param name="OccurredAt">When it was edited.</param>
public sealed record ActivityUpdated(ActivityDetails Activity, DateTimeOffset OccurredAt);

/// <summary>Published when an activity is deleted (softly: Projects keeps it for the audit).</summary>
/// <param name="ActivityId">The activity's id.</param>
/// <param name="ProjectId">The project it belonged to.</param>
/// <param name="DeletedBy">Id of the user who deleted it.</param>
/// <param name="OccurredAt">When it was deleted.</param>
public sealed record ActivityDeleted(Guid ActivityId, Guid ProjectId, string DeletedBy, DateTimeOffset OccurredAt);
