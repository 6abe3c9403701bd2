using Advocacy.Modules.Projects.Contracts;

namespace Advocacy.Modules.Projects.Outcomes;

/// <summary>
/// The activity types that address stakeholders, and so may record an advocacy outcome (whom they addressed,
/// what they answered, what they promised). The one place that says which types these are.
/// </summary>
internal static class AdvocacyActivityTypes
{
    public static readonly IReadOnlySet<ActivityType> All = new HashSet<ActivityType>
    {
        ActivityType.MeetingWithPolicyMakers,
        ActivityType.ParliamentaryEvent,
        ActivityType.ConsultationOrSubmission,
        ActivityType.CoalitionMeeting,
        ActivityType.Media,
    };

    public static bool Contains(ActivityType type) => All.Contains(type);

    /// <summary>The types as the API spells them, for messages.</summary>
    public static string Names => string.Join(", ", All.Select(Camel));

    /// <summary>Why an activity of <paramref name="type"/> cannot carry an outcome, for a problem detail.</summary>
    public static string NotAdvocacy(ActivityType type) =>
        $"A {Camel(type)} activity is not advocacy work: outcomes are recorded on {Names} activities.";

    private static string Camel(ActivityType type) => char.ToLowerInvariant(type.ToString()[0]) + type.ToString()[1..];
}
