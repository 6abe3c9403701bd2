using System.Diagnostics;
using Npgsql;

namespace Advocacy.Bench;

/// <summary>Latencies of one kind of request, in milliseconds.</summary>
internal sealed class Latencies
{
    private readonly List<double> _ms = [];

    public int Count { get { lock (_ms) return _ms.Count; } }

    public void Add(TimeSpan elapsed) { lock (_ms) _ms.Add(elapsed.TotalMilliseconds); }

    /// <summary>The nearest-rank percentile (p in 0–100).</summary>
    public double Percentile(double p)
    {
        lock (_ms)
        {
            if (_ms.Count == 0) return double.NaN;
            var sorted = _ms.Order().ToList();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
            return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)], 2);
        }
    }

    public double Mean { get { lock (_ms) return _ms.Count == 0 ? double.NaN : Math.Round(_ms.Average(), 2); } }

    public object Summary() => new { count = Count, p50 = Percentile(50), p95 = Percentile(95), p99 = Percentile(99), max = Percentile(100), mean = Mean };
}

internal static class Sql
{
    public static async Task<T> ScalarAsync<T>(NpgsqlDataSource db, string sql, params object[] parameters)
    {
        await using var command = db.CreateCommand(sql);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}

internal static class Poll
{
    /// <summary>Waits until <paramref name="condition"/> holds, checking every 100 ms, or fails after <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout) throw new TimeoutException($"Waited {timeout} for {what}.");
            await Task.Delay(100);
        }
    }
}

/// <summary>The machine the figures come from, and how busy it was.</summary>
internal static class Machine
{
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();

    public static object Describe(string postgresVersion) => new
    {
        cores = Environment.ProcessorCount,
        memoryGb = Math.Round(MemTotalKb() / 1024.0 / 1024.0, 1),
        cpu = CpuModel(),
        os = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        dotnet = Environment.Version.ToString(),
        postgres = postgresVersion,
    };

    private static long MemTotalKb() =>
        File.ReadLines("/proc/meminfo").Where(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1])).FirstOrDefault();

    private static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").Where(l => l.StartsWith("model name", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault() ?? "unknown";
}
