using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Advocacy.Bench;

/// <summary>A request that ran for a fixed time at some concurrency: how many per second, and how long each took.</summary>
internal sealed record Throughput(int Clients, double Seconds, int Requests, int Failures, Latencies Latency, int WithWarmUp)
{
    /// <summary>For HTTP writes: the host's CPU time per write, the Reports update it caused included.</summary>
    public double? HostCpuMsPerRequest { get; init; }

    public double PerSecond => Math.Round(Requests / Seconds, 1);
}

/// <summary>(a)–(d) of issue 8, each against its raw PostgreSQL baseline.</summary>
internal sealed class Measurements(HostProcess host, NpgsqlDataSource db, IReadOnlyList<BenchProject> projects, Options options)
{
    // ---- (a) activity writes ----

    /// <summary>32 clients POST activities for a fixed time, after a warm-up.</summary>
    public async Task<Throughput> HttpWritesAsync()
    {
        using var client = await host.ClientAsync(options.Clients * 2);
        async Task<bool> WriteOne()
        {
            var project = projects[Random.Shared.Next(projects.Count)];
            var response = await client.PostAsJsonAsync($"/api/projects/{project.Id}/activities", ActivityBody(Random.Shared));
            if (response.StatusCode == HttpStatusCode.Created)
            {
                await response.Content.CopyToAsync(Stream.Null);
                return true;
            }
            Console.Error.WriteLine($"  write failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return false;
        }
        var cpu = host.CpuTime();
        var run = await RunForAsync(options.Clients, _ => Task.FromResult<Func<Task<bool>>>(WriteOne));
        // The writes' ActivityLogged events are still reaching Reports: their work counts too.
        await Poll.UntilAsync(async () => await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM projects.outbox_messages WHERE dispatched_at IS NULL") == 0
            && await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM reports.activity_facts") == await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM projects.activities"),
            TimeSpan.FromMinutes(5), "the writes to reach Reports");
        return run with { HostCpuMsPerRequest = Math.Round((host.CpuTime() - cpu).TotalMilliseconds / run.WithWarmUp, 2) };
    }

    /// <summary>
    /// The same rows through raw Npgsql: one prepared single-row INSERT per activity, autocommit, into a
    /// copy of projects.activities with its indexes (CREATE TABLE … (LIKE … INCLUDING ALL)).
    /// </summary>
    public async Task<Throughput> RawInsertsAsync()
    {
        await Sql.ExecuteAsync(db, "CREATE SCHEMA IF NOT EXISTS bench_raw; DROP TABLE IF EXISTS bench_raw.activities; " +
            "CREATE TABLE bench_raw.activities (LIKE projects.activities INCLUDING ALL)");
        return await RunForAsync(options.Clients, async _ =>
        {
            var connection = await db.OpenConnectionAsync();
            var insert = new NpgsqlCommand(
                "INSERT INTO bench_raw.activities (id, project_id, type, date, title, notes, place, country, reach, indicator_ids, source, logged_by, logged_by_name, logged_at) " +
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)", connection);
            NpgsqlDbType[] types =
            [
                NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Varchar, NpgsqlDbType.Date, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar,
                NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Jsonb, NpgsqlDbType.Array | NpgsqlDbType.Uuid, NpgsqlDbType.Varchar,
                NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.TimestampTz,
            ];
            foreach (var type in types) insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = type });
            await insert.PrepareAsync();
            return async () =>
            {
                var project = projects[Random.Shared.Next(projects.Count)];
                var (type, date, title, reach) = ActivityFields(Random.Shared);
                object?[] values =
                [
                    Guid.CreateVersion7(), project.Id, type, date, title, DBNull.Value, "Brussels", "BE", Seeder.ReachJson(reach),
                    Array.Empty<Guid>(), "Manual", "bench", HostProcess.BenchUser, DateTimeOffset.UtcNow,
                ];
                for (var i = 0; i < values.Length; i++) insert.Parameters[i].Value = values[i];
                await insert.ExecuteNonQueryAsync();
                return true;
            };
        });
    }

    private static object ActivityBody(Random random)
    {
        var (type, date, title, reach) = ActivityFields(random);
        return new
        {
            type = char.ToLowerInvariant(type[0]) + type[1..], date, title, place = "Brussels", country = "BE",
            reach = reach.Select(r => new { audience = char.ToLowerInvariant(r.Audience[0]) + r.Audience[1..], gender = r.Gender?.ToLowerInvariant(), count = r.Count }),
        };
    }

    private static (string Type, DateOnly Date, string Title, (string Audience, string? Gender, int Count)[] Reach) ActivityFields(Random random) =>
        (Seeder.Types[random.Next(Seeder.Types.Length)], Seeder.From.AddDays(random.Next(3000)), $"Bench write {random.Next():x}",
         [("Professionals", "Female", random.Next(1, 50)), ("Professionals", "Male", random.Next(1, 50))]);

    /// <summary>
    /// Runs <paramref name="clients"/> loops of one operation each: a warm-up, then the measured
    /// <see cref="Options.WriteSeconds"/>. Each client gets its operation from <paramref name="prepare"/>.
    /// </summary>
    private async Task<Throughput> RunForAsync(int clients, Func<int, Task<Func<Task<bool>>>> prepare)
    {
        var operations = await Task.WhenAll(Enumerable.Range(0, clients).Select(prepare));
        var latency = new Latencies();
        var requests = 0;
        var failures = 0;
        var all = 0;
        var measuring = false;
        var warmUpEnds = DateTime.UtcNow.AddSeconds(options.WarmUpSeconds);
        var ends = warmUpEnds.AddSeconds(options.WriteSeconds);
        var clock = new Stopwatch();
        await Task.WhenAll(operations.Select(operation => Task.Run(async () =>
        {
            while (true)
            {
                var now = DateTime.UtcNow;
                if (now >= ends) return;
                var counted = now >= warmUpEnds;
                if (counted && !Volatile.Read(ref measuring))
                {
                    lock (clock) if (!measuring) { clock.Start(); Volatile.Write(ref measuring, true); }
                }
                var started = Stopwatch.GetTimestamp();
                var ok = await operation();
                if (ok) Interlocked.Increment(ref all);
                if (!counted) continue;
                if (ok)
                {
                    latency.Add(Stopwatch.GetElapsedTime(started));
                    Interlocked.Increment(ref requests);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        clock.Stop();
        return new Throughput(clients, clock.Elapsed.TotalSeconds, requests, failures, latency, all);
    }

    // ---- (b) dashboards ----

    /// <summary>Sequential GETs of one dashboard (a client looking at it), after a warm-up.</summary>
    public async Task<Latencies> DashboardAsync(Func<int, string> url)
    {
        using var client = await host.ClientAsync();
        var latency = new Latencies();
        for (var i = -options.DashboardWarmUp; i < options.DashboardSamples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var response = await client.GetAsync(url(i + options.DashboardWarmUp));
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url(i)}: {(int)response.StatusCode} {body}");
            if (i >= 0) latency.Add(Stopwatch.GetElapsedTime(started));
        }
        return latency;
    }

    /// <summary>
    /// The best single round trip computing a dashboard's activity figures straight from Projects' own
    /// table: one scan with GROUPING SETS for the totals, months, types, countries and levels, and one
    /// over the reach entries for the audiences, sent as one batch.
    /// </summary>
    public async Task<Latencies> RawDashboardAsync(bool organisation)
    {
        var where = organisation ? "a.deleted_at IS NULL" : "a.deleted_at IS NULL AND a.project_id = $1";
        var sql = organisation
            ? $"""
               SELECT to_char(a.date, 'YYYY-MM') AS month, a.type, a.country, p.level, count(*), sum(r.total), count(DISTINCT a.event_id), count(a.coalition_id)
               FROM projects.activities a JOIN projects.projects p ON p.id = a.project_id
               CROSS JOIN LATERAL (SELECT coalesce(sum((e->>'Count')::int), 0) AS total FROM jsonb_array_elements(a.reach) e) r
               WHERE {where}
               GROUP BY GROUPING SETS ((), (1), (2), (3), (4));
               SELECT e->>'Audience', sum((e->>'Count')::int) FROM projects.activities a, jsonb_array_elements(a.reach) e WHERE {where} GROUP BY 1
               """
            : $"""
               SELECT to_char(a.date, 'YYYY-MM') AS month, a.type, count(*), sum(r.total), count(DISTINCT a.event_id), count(a.coalition_id)
               FROM projects.activities a
               CROSS JOIN LATERAL (SELECT coalesce(sum((e->>'Count')::int), 0) AS total FROM jsonb_array_elements(a.reach) e) r
               WHERE {where}
               GROUP BY GROUPING SETS ((), (1), (2));
               SELECT e->>'Audience', sum((e->>'Count')::int) FROM projects.activities a, jsonb_array_elements(a.reach) e WHERE {where} GROUP BY 1
               """;
        var latency = new Latencies();
        await using var connection = await db.OpenConnectionAsync();
        for (var i = -options.DashboardWarmUp; i < options.DashboardSamples; i++)
        {
            var project = projects[(i + options.DashboardWarmUp) % projects.Count];
            await using var batch = new NpgsqlBatch(connection);
            foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var command = new NpgsqlBatchCommand(statement);
                if (!organisation) command.Parameters.Add(new NpgsqlParameter { Value = project.Id });
                batch.BatchCommands.Add(command);
            }
            var started = Stopwatch.GetTimestamp();
            await using (var reader = await batch.ExecuteReaderAsync())
            {
                do { while (await reader.ReadAsync()) { } } while (await reader.NextResultAsync());
            }
            if (i >= 0) latency.Add(Stopwatch.GetElapsedTime(started));
        }
        return latency;
    }

    // ---- (c) exports ----

    public async Task<Guid> CreateDonorReportAsync(DateOnly from, DateOnly to)
    {
        using var client = await host.ClientAsync();
        var response = await client.PostAsJsonAsync("/api/donor-reports", new { title = $"Bench donor report {from:yyyy}-{to:yyyy}", donor = Seeder.Donor, from, to });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"Donor report: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>What an export took: end to end (request → file downloaded), its size, and the host's peak memory.</summary>
    internal sealed record ExportRun(string Format, long Rows, double Seconds, long Bytes, double RowsPerSecond, long? PeakRssMb, long StartRssMb, bool Background);

    /// <summary>
    /// Exports a donor report as a client would: the request, then (past 20,000 activities) polling the
    /// background job until done and downloading its file. The host's peak resident memory over the
    /// export is read from VmHWM after resetting it, and sampled every 50 ms as a cross-check.
    /// </summary>
    public async Task<ExportRun> ExportAsync(Guid reportId, string format, long rows)
    {
        using var client = await host.ClientAsync();
        var resetOk = host.ResetPeak();
        var startRss = host.Memory().RssKb;
        long sampledPeak = startRss;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                sampledPeak = Math.Max(sampledPeak, host.Memory().RssKb);
                try { await Task.Delay(50, sampling.Token); } catch (OperationCanceledException) { }
            }
        });

        var clock = Stopwatch.StartNew();
        var url = $"/api/donor-reports/{reportId}/export?format={format}" + (format == "csv" ? "&section=activities" : "");
        var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        var background = response.StatusCode == HttpStatusCode.Accepted;
        if (background)
        {
            var job = await response.Content.ReadFromJsonAsync<JsonElement>();
            var jobUrl = $"/api/exports/{job.GetProperty("id").GetGuid()}";
            while (true)
            {
                job = await client.GetFromJsonAsync<JsonElement>(jobUrl);
                var status = job.GetProperty("status").GetString();
                if (status == "done") break;
                if (status == "failed") throw new InvalidOperationException($"Export failed: {job}");
                await Task.Delay(100);
            }
            response = await client.GetAsync(job.GetProperty("downloadUrl").GetString(), HttpCompletionOption.ResponseHeadersRead);
        }
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"Export: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var counter = new CountingStream();
        await (await response.Content.ReadAsStreamAsync()).CopyToAsync(counter);
        clock.Stop();

        await sampling.CancelAsync();
        await sampler;
        var peak = resetOk ? host.Memory().HwmKb : sampledPeak;
        return new ExportRun(format, rows, Math.Round(clock.Elapsed.TotalSeconds, 2), counter.Length,
            Math.Round(rows / clock.Elapsed.TotalSeconds), Math.Max(peak, sampledPeak) / 1024, startRss / 1024, background);
    }

    /// <summary>
    /// The same rows, in the same order, as COPY (SELECT …) TO STDOUT (FORMAT csv) over the read model
    /// the export reads: the floor an export can reach.
    /// </summary>
    public async Task<ExportRun> RawCsvAsync(DateOnly from, DateOnly to, long rows)
    {
        var sql = $$"""
            COPY (
              SELECT f.date, p.code, f.type, f.title, f.place, f.country,
                     coalesce(r.children, 0), coalesce(r.professionals, 0), coalesce(r.policy_makers, 0), coalesce(r.general_public, 0), f.total_reach
              FROM reports.activity_facts f
              JOIN reports.project_summaries p ON p.project_id = f.project_id
              LEFT JOIN LATERAL (
                SELECT sum(count) FILTER (WHERE audience = 'Children') AS children,
                       sum(count) FILTER (WHERE audience = 'Professionals') AS professionals,
                       sum(count) FILTER (WHERE audience = 'PolicyMakers') AS policy_makers,
                       sum(count) FILTER (WHERE audience = 'GeneralPublic') AS general_public
                FROM reports.reach_facts WHERE activity_id = f.activity_id) r ON true
              WHERE NOT f.deleted AND f.date BETWEEN '{{from:yyyy-MM-dd}}' AND '{{to:yyyy-MM-dd}}'
                AND f.project_id = ANY ('{{{string.Join(",", projects.Select(x => x.Id))}}}'::uuid[])
              ORDER BY f.date, f.activity_id
            ) TO STDOUT (FORMAT csv, HEADER)
            """;
        await using var connection = await db.OpenConnectionAsync();
        var clock = Stopwatch.StartNew();
        using var reader = await connection.BeginTextExportAsync(sql);
        var buffer = new char[64 * 1024];
        long chars = 0;
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0) chars += read;
        clock.Stop();
        return new ExportRun("csv (COPY)", rows, Math.Round(clock.Elapsed.TotalSeconds, 2), chars,
            Math.Round(rows / clock.Elapsed.TotalSeconds), null, 0, false);
    }

    // ---- (d) event held → activity in Projects ----

    /// <summary>
    /// Plans events linked to one project, then, one at a time, marks each held and polls Projects'
    /// activity table every millisecond until its activity is there: the time from sending "held" to
    /// the activity being readable in Projects (committed by its consumer).
    /// </summary>
    public async Task<(Latencies Visible, Latencies HeldRequest)> EventHeldAsync()
    {
        using var client = await host.ClientAsync();
        var project = projects[0];
        var planned = new List<(Guid Id, uint Version)>();
        for (var i = 0; i < options.Events + 3; i++)
        {
            var response = await client.PostAsJsonAsync("/api/events", new
            {
                title = $"Bench training {i + 1}", kind = "training", sessions = new[] { new { date = Seeder.From.AddDays(100 + i) } },
                organisedByUs = true, place = "Brussels", country = "BE", projectIds = new[] { project.Id },
            });
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"Plan event: {(int)response.StatusCode} {body}");
            var json = JsonDocument.Parse(body).RootElement;
            planned.Add((json.GetProperty("id").GetGuid(), json.GetProperty("version").GetUInt32()));
        }

        var visible = new Latencies();
        var held = new Latencies();
        await using var connection = await db.OpenConnectionAsync();
        await using var probe = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM projects.activities WHERE source_key = 'event:' || $1 AND project_id = $2)", connection);
        probe.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid });
        probe.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = project.Id });
        await probe.PrepareAsync();
        for (var i = 0; i < planned.Count; i++)
        {
            var (id, version) = planned[i];
            probe.Parameters[0].Value = id;
            var started = Stopwatch.GetTimestamp();
            var response = await client.PostAsJsonAsync($"/api/events/{id}/held", new
            {
                attendance = new[] { new { audience = "professionals", gender = "female", count = 20 }, new { audience = "professionals", gender = "male", count = 17 } },
                version,
            });
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"Held: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var heldTook = Stopwatch.GetElapsedTime(started);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!(bool)(await probe.ExecuteScalarAsync())!)
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"Event {id}'s activity did not reach Projects in 30 s.");
                await Task.Delay(1);
            }
            // The first three warm the path up (JIT, pools, the consumers' first messages).
            if (i < 3) continue;
            visible.Add(Stopwatch.GetElapsedTime(started));
            held.Add(heldTook);
        }
        return (visible, held);
    }

    private sealed class CountingStream : Stream
    {
        public override long Length => _length;
        private long _length;
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
