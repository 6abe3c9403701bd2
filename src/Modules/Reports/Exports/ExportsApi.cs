using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Reports.Data;

namespace Advocacy.Modules.Reports.Exports;

internal static class ExportsApi
{
    public static RouteGroupBuilder Exports(IEndpointRouteBuilder app) => app.MapGroup("/api/exports").WithTags("Donor reports");

    public static async Task<ExportJob> FindJobAsync(this ReportsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.ExportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken) ?? throw new NotFoundException("Export", id);
}

/// <summary>A background export: where it stands, how far it has got, and where to download it once done.</summary>
internal sealed record ExportJobResponse(
    Guid Id, Guid DonorReportId, ExportFormat Format, ExportSection? Section, ExportJobStatus Status,
    long RowsTotal, long RowsDone, int Percent, string FileName, long SizeBytes, string? Error,
    DateTimeOffset RequestedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? DownloadUrl)
{
    public static ExportJobResponse Of(ExportJob job) => new(
        job.Id, job.DonorReportId, job.Format, job.Section, job.Status, job.RowsTotal, job.RowsDone,
        job.Status == ExportJobStatus.Done ? 100 : job.RowsTotal == 0 ? 0 : (int)Math.Min(99, job.RowsDone * 100 / job.RowsTotal),
        job.FileName, job.SizeBytes, job.Error, job.RequestedAt, job.StartedAt, job.FinishedAt,
        job.Status == ExportJobStatus.Done ? $"/api/exports/{job.Id}/file" : null);
}
