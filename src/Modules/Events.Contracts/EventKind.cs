namespace Advocacy.Modules.Events.Contracts;

/// <summary>What kind of event it is.</summary>
public enum EventKind
{
    /// <summary>A training, e.g. for a hotel group's managers.</summary>
    Training,

    /// <summary>A conference.</summary>
    Conference,

    /// <summary>An awareness day, e.g. the European Day on the Protection of Children against Sexual Exploitation and Sexual Abuse.</summary>
    AwarenessDay,

    /// <summary>A hearing in a parliament.</summary>
    ParliamentaryHearing,

    /// <summary>A presentation, e.g. to the Council of Europe.</summary>
    Presentation,

    /// <summary>A workshop.</summary>
    Workshop,

    /// <summary>A consultation.</summary>
    Consultation,
}
