namespace Advocacy.Modules.Projects.Contracts;

/// <summary>The level at which a project works.</summary>
public enum ProjectLevel
{
    /// <summary>Within one country (Belgium for most of the organisation's national work).</summary>
    National,

    /// <summary>Towards the European Union and the Council of Europe.</summary>
    European,

    /// <summary>Outside Europe, usually with a local partner.</summary>
    International,
}
