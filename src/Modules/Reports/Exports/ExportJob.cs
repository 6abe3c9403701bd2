using Advocacy.BuildingBlocks.Data;
namespace Advocacy.Modules.Reports.Exports;

/// <summary>The file formats a donor report exports to.</summary>
internal enum ExportFormat
{
    Xlsx,
    Csv,
    Pdf,
    Iati,
}

internal enum ExportJobStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>
/// A long export run in the background: its progress while it runs, and then its file, stored in
/// <see cref="ExportChunk"/>s so that any instance of the host can serve it.
/// </summary>
[NotAudited]
internal sealed class ExportJob
{
    public Guid Id { get; init; }

    public Guid DonorReportId { get; init; }

    public ExportFormat Format { get; init; }

    /// <summary>For CSV: the section exported (a CSV file holds one table).</summary>
    public ExportSection? Section { get; init; }

    public ExportJobStatus Status { get; set; }

    /// <summary>Rows the export will write, counted when it starts.</summary>
    public long RowsTotal { get; set; }

    public long RowsDone { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long SizeBytes { get; set; }

    /// <summary>Why it failed, in words for the user.</summary>
    public string? Error { get; set; }

    public required string RequestedBy { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>
    /// Last sign of life of the instance running it: a running job whose heartbeat stops (its host
    /// died) is queued again.
    /// </summary>
    public DateTimeOffset? HeartbeatAt { get; set; }
}

/// <summary>One piece of an export's file, in order of <see cref="Sequence"/>.</summary>
[NotAudited]
internal sealed class ExportChunk
{
    public Guid JobId { get; init; }

    public int Sequence { get; init; }

    public required byte[] Data { get; init; }
}
