namespace Advocacy.Modules.Projects.Contracts;

/// <summary>What kind of institution or person a stakeholder (someone advocacy is aimed at) is.</summary>
public enum StakeholderKind
{
    /// <summary>A parliament or assembly, e.g. the French-speaking Brussels Parliament.</summary>
    Parliament,

    /// <summary>A committee of a parliament.</summary>
    ParliamentaryCommittee,

    /// <summary>A ministry or a federal public service.</summary>
    Ministry,

    /// <summary>A regional or community government.</summary>
    RegionalGovernment,

    /// <summary>An institution or body of the European Union.</summary>
    EuInstitution,

    /// <summary>The Council of Europe or one of its bodies.</summary>
    CouncilOfEuropeBody,

    /// <summary>A United Nations body, e.g. the Committee on the Rights of the Child.</summary>
    UnBody,

    /// <summary>A company, e.g. a hotel group.</summary>
    Company,

    /// <summary>A newspaper, broadcaster or other medium.</summary>
    Media,

    /// <summary>A person in a public role (function, institution, party); nothing private is kept.</summary>
    Person,

    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>
/// The level at which a stakeholder acts. Unlike <see cref="ProjectLevel"/> it has a regional level:
/// Belgium's regions and communities (the French-speaking Brussels Parliament) are advocacy targets of their own.
/// </summary>
public enum StakeholderLevel
{
    /// <summary>A country's federal or national level.</summary>
    National,

    /// <summary>A region or community within a country.</summary>
    Regional,

    /// <summary>The European Union or the Council of Europe.</summary>
    European,

    /// <summary>The United Nations and other international bodies, or another country's.</summary>
    International,
}

/// <summary>Where an ask (what the organisation asks of its targets) comes from.</summary>
public enum AskSource
{
    /// <summary>The organisation's own ask.</summary>
    Own,

    /// <summary>A recommendation of a publication (Reports module).</summary>
    Recommendation,

    /// <summary>A joint statement or position (Coalitions module).</summary>
    Statement,
}

/// <summary>Where an ask stands.</summary>
public enum AskStatus
{
    /// <summary>Asked, nothing met yet.</summary>
    Open,

    /// <summary>Part of it has been met; still open.</summary>
    PartlyMet,

    /// <summary>Met: closed.</summary>
    Met,

    /// <summary>No longer pursued: closed.</summary>
    Dropped,
}

/// <summary>How a stakeholder answered when addressed by an advocacy activity.</summary>
public enum StakeholderResponse
{
    /// <summary>Supports what was asked.</summary>
    Supportive,

    /// <summary>Neither supports nor opposes it.</summary>
    Neutral,

    /// <summary>Opposes it.</summary>
    Opposed,

    /// <summary>Gave no answer (yet).</summary>
    NoAnswer,
}

/// <summary>Where a commitment a stakeholder made stands: made → in progress → fulfilled or broken.</summary>
public enum CommitmentStatus
{
    /// <summary>Made; nothing done yet.</summary>
    Made,

    /// <summary>Being acted on.</summary>
    InProgress,

    /// <summary>Kept (with evidence): closed.</summary>
    Fulfilled,

    /// <summary>Not kept (with evidence): closed.</summary>
    Broken,
}
