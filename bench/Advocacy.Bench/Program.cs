using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.Bench;
using Npgsql;

// The benchmark of issue 8: seeds a fresh database, starts the real host on it, measures (a)–(d)
// against raw PostgreSQL, prints the table and writes it as JSON. Run it with bench/run.sh.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = Options.Parse(args);

var database = $"advocacy_bench_{DateTime.UtcNow:yyyyMMdd_HHmmss}";
var server = new NpgsqlConnectionStringBuilder(options.Server) { Database = "postgres", Pooling = false }.ConnectionString;
var connectionString = new NpgsqlConnectionStringBuilder(options.Server) { Database = database, MaxPoolSize = 100 }.ConnectionString;
await using (var admin = new NpgsqlConnection(server))
{
    await admin.OpenAsync();
    await new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin).ExecuteNonQueryAsync();
}
Console.WriteLine($"Bench database {database}; load average {Machine.LoadAverage()}");

var results = new Dictionary<string, object>();
var phases = new List<object>();
void Phase(string name) => phases.Add(new { phase = name, at = DateTimeOffset.UtcNow, loadAverage = Machine.LoadAverage() });

try
{
    await using var db = NpgsqlDataSource.Create(connectionString);
    Console.WriteLine("Starting the host (it migrates every schema and creates the demo users)…");
    await using var host = await HostProcess.StartAsync(options.HostDll, connectionString, Path.Combine(options.OutDir, "host.log"));
    var postgres = await Sql.ScalarAsync<string>(db, "SHOW server_version");
    results["machine"] = Machine.Describe(postgres);
    results["options"] = options;
    results["database"] = database;

    using var client = await host.ClientAsync();
    var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");

    Phase("seed");
    Console.WriteLine($"Creating {options.Projects} projects through the API…");
    var projects = await Seeder.CreateProjectsAsync(client, db, options.Projects);
    Console.WriteLine($"Seeding {options.Activities:N0} activities with COPY…");
    var seedClock = System.Diagnostics.Stopwatch.StartNew();
    await Seeder.SeedActivitiesAsync(db, projects, options.Activities, me.GetProperty("id").GetString()!, me.GetProperty("email").GetString()!);
    results["seed"] = new { activities = options.Activities, projects = options.Projects, seconds = Math.Round(seedClock.Elapsed.TotalSeconds, 1) };
    await CheckSeedAsync(client, db, options.Activities);

    var measure = new Measurements(host, db, projects, options);
    var table = new List<Line>();

    // (b) first, on the freshly seeded data, before the writes add to it.
    if (options.Runs("b"))
    {
        Phase("dashboards");
        Console.WriteLine("(b) dashboards…");
        var organisation = await measure.DashboardAsync(_ => "/api/reports/dashboards/organisation");
        var organisationRaw = await measure.RawDashboardAsync(organisation: true);
        var project = await measure.DashboardAsync(i => $"/api/reports/dashboards/projects/{projects[i % projects.Count].Id}");
        var projectRaw = await measure.RawDashboardAsync(organisation: false);
        results["b_dashboards"] = new
        {
            organisation = organisation.Summary(), organisationRawAggregate = organisationRaw.Summary(),
            project = project.Summary(), projectRawAggregate = projectRaw.Summary(),
        };
        table.Add(new("(b) organisation dashboard p50 / p95 (ms)", $"{organisation.Percentile(50)} / {organisation.Percentile(95)}",
            $"raw aggregate {organisationRaw.Percentile(50)} / {organisationRaw.Percentile(95)}", "p95 < 50 ms and faster than raw",
            organisation.Percentile(95) < 50 && organisation.Percentile(95) < organisationRaw.Percentile(95)));
        table.Add(new("(b) project dashboard p50 / p95 (ms)", $"{project.Percentile(50)} / {project.Percentile(95)}",
            $"raw aggregate {projectRaw.Percentile(50)} / {projectRaw.Percentile(95)}", "p95 < 50 ms and faster than raw",
            project.Percentile(95) < 50 && project.Percentile(95) < projectRaw.Percentile(95)));
    }

    // (c) exports of the donor's report over every project and the whole period (all seeded activities),
    // and of a one-year report, to see whether memory grows with rows.
    if (options.Runs("c"))
    {
        Phase("exports");
        Console.WriteLine("(c) exports…");
        var fullReport = await measure.CreateDonorReportAsync(Seeder.From, Seeder.To);
        var yearTo = new DateOnly(Seeder.From.Year, 12, 31);
        var yearReport = await measure.CreateDonorReportAsync(Seeder.From, yearTo);
        var allRows = await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM reports.activity_facts WHERE NOT deleted AND date BETWEEN $1 AND $2", Seeder.From, Seeder.To);
        var yearRows = await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM reports.activity_facts WHERE NOT deleted AND date BETWEEN $1 AND $2", Seeder.From, yearTo);
        var rawCsv = await measure.RawCsvAsync(Seeder.From, Seeder.To, allRows);
        var csv = await measure.ExportAsync(fullReport, "csv", allRows);
        var xlsxYear = await measure.ExportAsync(yearReport, "xlsx", yearRows);
        var xlsx = await measure.ExportAsync(fullReport, "xlsx", allRows);
        var csvRatio = Math.Round(csv.RowsPerSecond / rawCsv.RowsPerSecond, 3);
        results["c_exports"] = new { csv, rawCsv, csvRatio, xlsxYear, xlsx };
        table.Add(new("(c) CSV export rows/s (end to end)", $"{csv.RowsPerSecond:N0} ({csv.Seconds} s)",
            $"COPY {rawCsv.RowsPerSecond:N0} ({rawCsv.Seconds} s); ratio {csvRatio}", "ratio ≥ 0.5", csvRatio >= 0.5));
        table.Add(new($"(c) XLSX export, {allRows:N0} rows", $"{xlsx.Seconds} s, host peak {xlsx.PeakRssMb} MB",
            $"{yearRows:N0} rows: {xlsxYear.Seconds} s, peak {xlsxYear.PeakRssMb} MB", "peak < 300 MB, flat with rows",
            xlsx.PeakRssMb < 300 && xlsx.PeakRssMb <= xlsxYear.PeakRssMb * 1.2));
    }

    // (d) before the write storm, on a quiet host.
    if (options.Runs("d"))
    {
        Phase("event-held");
        Console.WriteLine("(d) event held → activity in Projects…");
        var (visible, heldRequest) = await measure.EventHeldAsync();
        results["d_eventHeld"] = new { visible = visible.Summary(), heldRequest = heldRequest.Summary() };
        table.Add(new("(d) event held → activity in Projects p50 / p99 (ms)", $"{visible.Percentile(50)} / {visible.Percentile(99)}",
            $"of which the held request {heldRequest.Percentile(50)} / {heldRequest.Percentile(99)}", "p99 < 100 ms", visible.Percentile(99) < 100));
    }

    if (options.Runs("a"))
    {
        Phase("writes");
        Console.WriteLine($"(a) writes: {options.Clients} clients, {options.WriteSeconds} s each…");
        var http = await measure.HttpWritesAsync();
        Phase("raw-inserts");
        var raw = await measure.RawInsertsAsync();
        var writeRatio = Math.Round(http.PerSecond / raw.PerSecond, 3);
        results["a_writes"] = new
        {
            http = new { http.Clients, http.Seconds, http.Requests, http.Failures, perSecond = http.PerSecond, latency = http.Latency.Summary(), http.HostCpuMsPerRequest },
            raw = new { raw.Clients, raw.Seconds, raw.Requests, raw.Failures, perSecond = raw.PerSecond, latency = raw.Latency.Summary() },
            ratio = writeRatio,
        };
        table.Insert(0, new("(a) activity writes/s, 32 clients", $"{http.PerSecond:N0}/s, p50 {http.Latency.Percentile(50)} ms, p99 {http.Latency.Percentile(99)} ms, host CPU {http.HostCpuMsPerRequest} ms/write",
            $"raw INSERT {raw.PerSecond:N0}/s, p50 {raw.Latency.Percentile(50)} ms, p99 {raw.Latency.Percentile(99)} ms; ratio {writeRatio}",
            "ratio ≥ 0.5, p99 < 20 ms", writeRatio >= 0.5 && http.Latency.Percentile(99) < 20));
    }
    Phase("done");

    results["table"] = table;
    results["phases"] = phases;
    Print(table);
    Directory.CreateDirectory(options.OutDir);
    var json = Path.Combine(options.OutDir, "results.json");
    await File.WriteAllTextAsync(json, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
    Console.WriteLine($"Written to {json}");
}
finally
{
    if (!options.KeepDatabase)
    {
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
    }
    else
    {
        Console.WriteLine($"Kept database {database}");
    }
}

// The app must read the seeded rows as its own: the organisation dashboard counts them all, and
// Projects' API reads one back.
static async Task CheckSeedAsync(HttpClient client, NpgsqlDataSource db, int activities)
{
    var dashboard = await client.GetFromJsonAsync<JsonElement>("/api/reports/dashboards/organisation");
    var counted = dashboard.GetProperty("topLine").GetProperty("activities").GetInt32();
    var reach = dashboard.GetProperty("topLine").GetProperty("reach").GetInt32();
    var sourceReach = await Sql.ScalarAsync<long>(db,
        "SELECT coalesce(sum((e->>'Count')::int), 0) FROM projects.activities a, jsonb_array_elements(a.reach) e WHERE a.deleted_at IS NULL");
    if (counted != activities || reach != sourceReach)
    {
        throw new InvalidOperationException($"Seed check: dashboard counts {counted} activities and {reach} reached; seeded {activities} and {sourceReach}.");
    }
    var id = await Sql.ScalarAsync<Guid>(db, "SELECT id FROM projects.activities ORDER BY id DESC LIMIT 1");
    var activity = await client.GetFromJsonAsync<JsonElement>($"/api/activities/{id}");
    var apiReach = activity.GetProperty("totalReach").GetInt32();
    var rowReach = await Sql.ScalarAsync<long>(db, "SELECT coalesce(sum((e->>'Count')::int), 0) FROM projects.activities a, jsonb_array_elements(a.reach) e WHERE a.id = $1", id);
    if (apiReach != rowReach) throw new InvalidOperationException($"Seed check: activity {id} reads {apiReach} reached, its row holds {rowReach}.");
    Console.WriteLine($"  seed check: the organisation dashboard counts {counted:N0} activities and {reach:N0} people reached, as the source rows");
}

static void Print(List<Line> table)
{
    Console.WriteLine();
    Console.WriteLine($"{"measure",-52} | {"Advocacy",-48} | {"raw PostgreSQL",-62} | {"target",-32} | met");
    Console.WriteLine(new string('-', 210));
    foreach (var line in table)
    {
        Console.WriteLine($"{line.Measure,-52} | {line.Advocacy,-48} | {line.Raw,-62} | {line.Target,-32} | {(line.Met ? "met" : "MISSED")}");
    }
    Console.WriteLine($"load average {Machine.LoadAverage()}");
}

/// <summary>One line of the printed table.</summary>
internal sealed record Line(string Measure, string Advocacy, string Raw, string Target, bool Met);

/// <summary>The command line of bench/run.sh.</summary>
internal sealed record Options(
    [property: System.Text.Json.Serialization.JsonIgnore] string Server, string HostDll, string OutDir, int Activities, int Projects, int Clients, int WarmUpSeconds, int WriteSeconds,
    int DashboardWarmUp, int DashboardSamples, int Events, bool KeepDatabase, string Only)
{
    /// <summary>Whether to measure <paramref name="part"/> ("a" to "d"); --only a,d measures those alone, to debug one part.</summary>
    public bool Runs(string part) => Only == "" || Only.Split(',').Contains(part);

    public static Options Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v.Replace("_", "").Replace(",", ""), CultureInfo.InvariantCulture) : fallback;
        return new Options(
            Value("--server") ?? throw new ArgumentException("--server <connection string without a database> is required"),
            Value("--host-dll") ?? throw new ArgumentException("--host-dll <path to Advocacy.Host.dll> is required"),
            Value("--out") ?? "artifacts/bench",
            Int("--activities", 1_000_000), Int("--projects", 50), Int("--clients", 32), Int("--warmup-seconds", 5), Int("--write-seconds", 20),
            Int("--dashboard-warmup", 3), Int("--dashboard-samples", 40), Int("--events", 100), args.Contains("--keep-database"), Value("--only") ?? "");
    }
}
