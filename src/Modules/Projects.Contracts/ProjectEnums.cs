namespace Advocacy.Modules.Projects.Contracts;

/// <summary>Where a project stands.</summary>
public enum ProjectStatus
{
    /// <summary>Agreed or proposed, not started.</summary>
    Planned,

    /// <summary>Running.</summary>
    Active,

    /// <summary>On hold.</summary>
    Suspended,

    /// <summary>Finished.</summary>
    Completed,

    /// <summary>Stopped before its end.</summary>
    Cancelled,
}

/// <summary>The role an organisation plays on a project.</summary>
public enum OrganisationRole
{
    /// <summary>Leads the project.</summary>
    Lead,

    /// <summary>Coordinates it, e.g. Terre des Hommes on Mario.</summary>
    Coordinator,

    /// <summary>A partner, e.g. ACSIS in Romania.</summary>
    Partner,

    /// <summary>Funds it.</summary>
    Donor,
}
