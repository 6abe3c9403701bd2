using Advocacy.BuildingBlocks.Text;
namespace Advocacy.Modules.Projects.Stakeholders;

/// <summary>The limits and small helpers stakeholders, asks and advocacy outcomes share.</summary>
internal static class AdvocacyLimits
{
    /// <summary>Names: stakeholders, functions, parties, source titles.</summary>
    public const int Name = 300;

    /// <summary>Free text: asks, commitments, follow-up actions, notes, evidence.</summary>
    public const int Text = 2000;

    /// <summary>The host's user ids and names.</summary>
    public const int UserId = 450;

    public const int UserName = 256;

    /// <summary>Stakeholders, asks, commitments or follow-ups on one record.</summary>
    public const int PerRecord = 50;

    public static readonly DateOnly EarliestDate = new(1990, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    public static string VersionMissing => SharedMessages.VersionMissing;



    /// <summary>A validation problem naming one field.</summary>
    public static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };
}
