namespace Advocacy.Modules.Coalitions.Contracts;

/// <summary>The level at which a coalition or platform works.</summary>
public enum CoalitionLevel
{
    /// <summary>A national coalition, e.g. the Kinderrechtencoalitie.</summary>
    National,

    /// <summary>A European platform, e.g. the EU Civil Society Platform against Trafficking in Human Beings.</summary>
    European,

    /// <summary>An international network.</summary>
    International,
}
