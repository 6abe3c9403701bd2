using Advocacy.BuildingBlocks.Data;
using Advocacy.Modules.Projects.Contracts;

namespace Advocacy.Modules.Reports.Activities;

/// <summary>
/// Reports' copy of one activity, as Projects' events last described it. A deleted activity stays as a
/// tombstone, so an older event arriving late cannot bring it back.
/// </summary>
[NotAudited]
internal sealed class ActivityFact
{
    public Guid ActivityId { get; init; }

    public Guid ProjectId { get; set; }

    public ActivityType Type { get; set; }

    public DateOnly Date { get; set; }

    public string Title { get; set; } = "";

    public string? Place { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code, when known.</summary>
    public string? Country { get; set; }

    public Guid? EventId { get; set; }

    public Guid? CoalitionId { get; set; }

    public Guid? ReportId { get; set; }

    public int TotalReach { get; set; }

    public List<ReachFact> Reach { get; set; } = [];

    public bool Deleted { get; set; }

    /// <summary>When the state held here was current in Projects; events no newer than this are ignored.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>People an activity reached, for one audience and gender ("unknown" when not split).</summary>
[NotAudited]
internal sealed class ReachFact
{
    public const string UnknownGender = "Unknown";

    public Guid ActivityId { get; init; }

    public Audience Audience { get; init; }

    public string Gender { get; init; } = UnknownGender;

    public int Count { get; set; }
}
