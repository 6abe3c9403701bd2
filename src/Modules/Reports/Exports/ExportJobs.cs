using Advocacy.BuildingBlocks;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.DonorReports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Advocacy.Modules.Reports.Exports;

/// <summary>How exports run (configuration section <c>Reports:Exports</c>).</summary>
internal sealed class ExportOptions
{
    /// <summary>Exports of up to this many activities stream at once; larger ones run in the background.</summary>
    public int StreamUpToActivities { get; set; } = 20_000;

    /// <summary>How long a finished export's file is kept for download.</summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A running job whose heartbeat is older than this is taken to be dead and is queued again.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>Wakes the export runner when a job is queued on this instance.</summary>
internal sealed class ExportJobSignal : WakeUpSignal;

/// <summary>
/// Runs queued exports one at a time: claims the oldest with SKIP LOCKED (so several instances share
/// the queue), writes the file into <see cref="ExportChunk"/>s, and reports progress as it goes.
/// </summary>
internal sealed class ExportJobRunner(
    IServiceScopeFactory scopes, ExportJobSignal signal, IOptions<ExportOptions> options, IOptions<IatiOptions> iati, TimeProvider clock,
    ILogger<ExportJobRunner> logger)
    : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TidyAsync(stoppingToken);
                while (await ClaimAsync(stoppingToken) is { } jobId)
                {
                    await RunAsync(jobId, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database may be away for a moment: try again at the next poll.
                logger.LogWarning(exception, "The export runner could not look for work");
            }
            await signal.WaitAsync(PollInterval, stoppingToken);
        }
    }

    /// <summary>Queues again the jobs of dead instances, and deletes expired files.</summary>
    private async Task TidyAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportsDbContext>();
        var now = clock.GetUtcNow();
        var stale = now - options.Value.StaleAfter;
        var dead = await db.ExportJobs.Where(j => j.Status == ExportJobStatus.Running && j.HeartbeatAt < stale).Select(j => j.Id).ToListAsync(cancellationToken);
        if (dead.Count > 0)
        {
            await db.ExportChunks.Where(c => dead.Contains(c.JobId)).ExecuteDeleteAsync(cancellationToken);
            await db.ExportJobs.Where(j => dead.Contains(j.Id) && j.Status == ExportJobStatus.Running && j.HeartbeatAt < stale)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ExportJobStatus.Queued).SetProperty(j => j.RowsDone, 0), cancellationToken);
            logger.LogWarning("Queued again {Count} exports whose instance stopped", dead.Count);
        }
        var expired = now - options.Value.KeepFor;
        await db.ExportJobs.Where(j => j.FinishedAt < expired).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<Guid?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportsDbContext>();
        var now = clock.GetUtcNow();
        var claimed = await db.Database.SqlQuery<Guid>($"""
            UPDATE reports.export_jobs SET status = 'Running', started_at = {now}, heartbeat_at = {now}
            WHERE id = (SELECT id FROM reports.export_jobs WHERE status = 'Queued' ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        return claimed.Count == 0 ? null : claimed[0];
    }

    private async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportsDbContext>();
        // The activities stream on db's connection; chunks and progress need a connection of their own.
        await using var filesScope = scopes.CreateAsyncScope();
        var files = filesScope.ServiceProvider.GetRequiredService<ReportsDbContext>();
        var job = await db.ExportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, cancellationToken);
        try
        {
            var report = await db.DonorReports.AsNoTracking().SingleAsync(r => r.Id == job.DonorReportId, cancellationToken);
            var covered = await DonorReportContent.ScopeAsync(db, report, cancellationToken);
            var content = DonorReportFile.NeedsFigures(job.Format, job.Section)
                ? await DonorReportContent.ComputeAsync(db, report, covered, clock.GetUtcNow(), cancellationToken)
                : null;
            // The same live facts the activity rows come from: the top line has counted them already. Without
            // figures, the request's count (a bulk import since would only make the progress bar jump).
            var total = content?.Totals.Activities ?? job.RowsTotal;
            await files.ExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.RowsTotal, total)
                .SetProperty(j => j.FileName, DonorReportFile.FileName(report, job.Format, job.Section))
                .SetProperty(j => j.ContentType, DonorReportFile.ContentType(job.Format)), cancellationToken);

            var lastProgress = clock.GetUtcNow();
            void Progress(long done)
            {
                if (clock.GetUtcNow() - lastProgress < ProgressInterval) return;
                lastProgress = clock.GetUtcNow();
                files.ExportJobs.Where(j => j.Id == jobId).ExecuteUpdate(s => s
                    .SetProperty(j => j.RowsDone, done).SetProperty(j => j.HeartbeatAt, lastProgress));
                cancellationToken.ThrowIfCancellationRequested();
            }
            long size;
            // The writers are synchronous: give them a thread of their own rather than block the runner's.
            await using (var output = new ExportChunkStream(files, jobId))
            {
                await Task.Run(() => DonorReportFile.Write(job.Format, job.Section, content, covered.Activities(db), total, iati.Value.ReportingOrg(), Progress, output), cancellationToken);
                output.Flush();
                size = output.Length;
            }
            await files.ExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ExportJobStatus.Done)
                .SetProperty(j => j.RowsDone, total)
                .SetProperty(j => j.SizeBytes, size)
                .SetProperty(j => j.FinishedAt, clock.GetUtcNow()), cancellationToken);
            logger.LogInformation("Export {JobId} done: {Rows} activities, {Bytes} bytes", jobId, total, size);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the job stays Running, its heartbeat stops, and the next start queues it again.
            throw;
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Export {JobId} failed", jobId);
            await files.ExportChunks.Where(c => c.JobId == jobId).ExecuteDeleteAsync(CancellationToken.None);
            await files.ExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ExportJobStatus.Failed)
                .SetProperty(j => j.Error, "The export failed. Try again; if it fails again, tell an administrator (the log has the details).")
                .SetProperty(j => j.FinishedAt, clock.GetUtcNow()), CancellationToken.None);
        }
    }
}

/// <summary>A write-only stream that stores what is written in 1 MiB chunks of an export job.</summary>
internal sealed class ExportChunkStream(ReportsDbContext db, Guid jobId) : Stream
{
    private const int ChunkSize = 1 << 20;
    // One buffer for every chunk, sent from where it lies: a new 1 MiB array per chunk would go to the large
    // object heap, which is collected seldom (a hundred of them for a million-row export).
    private readonly byte[] _buffer = new byte[ChunkSize];
    private int _buffered;
    private int _sequence;
    private long _length;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;
    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count)
    {
        while (count > 0)
        {
            var take = Math.Min(count, ChunkSize - _buffered);
            Buffer.BlockCopy(buffer, offset, _buffer, _buffered, take);
            _buffered += take;
            offset += take;
            count -= take;
            _length += take;
            if (_buffered == ChunkSize) Store();
        }
    }

    public override void Flush()
    {
        if (_buffered > 0) Store();
    }

    private void Store()
    {
        var data = new NpgsqlParameter<ReadOnlyMemory<byte>>("data", NpgsqlDbType.Bytea) { TypedValue = _buffer.AsMemory(0, _buffered) };
        db.Database.ExecuteSql($"INSERT INTO reports.export_chunks (job_id, sequence, data) VALUES ({jobId}, {_sequence++}, {data})");
        _buffered = 0;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
