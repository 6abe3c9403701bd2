namespace Advocacy.Modules.Reports.DonorReports;

/// <summary>
/// A report to a donor for a period: for one project, or for every project a donor funds. Its figures
/// come from the read model when it is viewed or exported; what it stores is what staff write (the
/// narrative sections). Source data owned by Reports: a rebuild leaves it alone.
/// </summary>
internal sealed class DonorReport
{
    public Guid Id { get; init; }

    public required string Title { get; set; }

    /// <summary>The project reported on; null when the report covers a donor's projects.</summary>
    public Guid? ProjectId { get; set; }

    /// <summary>The donor whose projects are reported on (an organisation with the donor role); null for a project report.</summary>
    public string? Donor { get; set; }

    /// <summary>First day of the period.</summary>
    public DateOnly From { get; set; }

    /// <summary>Last day of the period (inclusive).</summary>
    public DateOnly To { get; set; }

    /// <summary>The narrative staff write, in order.</summary>
    public List<NarrativeSection> Sections { get; set; } = [];

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }
}

/// <summary>One part of a donor report's narrative: a heading and its text.</summary>
internal sealed class NarrativeSection
{
    public required string Heading { get; set; }

    public string Body { get; set; } = "";
}

internal static class DonorReportLimits
{
    public const int Title = 300;
    public const int Donor = 300;
    public const int Heading = 300;
    public const int Body = 20_000;
    public const int Sections = 30;
}
