using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Advocacy.IntegrationTests.Flows;
using Advocacy.IntegrationTests.Infrastructure;
using Npgsql;

namespace Advocacy.IntegrationTests.Reliability;

/// <summary>The reliability tests start real host processes: one such test at a time, so they do not starve each other.</summary>
[CollectionDefinition(Name)]
public sealed class HostProcessCollection
{
    public const string Name = "Host processes";
}

/// <summary>A test whose host processes run on a database of its own on the shared server (the first host creates it), dropped at the end.</summary>
public abstract class OwnDatabaseTest : IAsyncLifetime
{
    protected string Database { get; } = HostProcess.NewDatabase(Environment.GetEnvironmentVariable("ConnectionStrings__Advocacy")
        ?? throw new InvalidOperationException("No PostgreSQL to test against: run ./test.sh, or set ConnectionStrings__Advocacy."));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => HostProcess.DropDatabaseAsync(Database);
}

/// <summary>Steps the reliability tests share: a project Events knows, many events planned and marked held, counts.</summary>
internal static class ReliabilityKit
{
    /// <summary>How long a test waits for a burst's messages to arrive: far more than they need on a quiet machine.</summary>
    public static readonly TimeSpan BurstTimeout = TimeSpan.FromSeconds(180);

    public const int Concurrency = 16;

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Creates a project through <paramref name="client"/> and waits until Events knows it (over the bus).</summary>
    public static async Task<Guid> ProjectKnownToEventsAsync(HttpClient client, string connectionString, string code)
    {
        var projectId = await Api.CreateProjectAsync(client, code, "2014-01-01");
        await Eventually.Get(async () =>
            await ScalarAsync<long>(connectionString, "SELECT count(*) FROM events.known_projects WHERE project_id = $1", projectId) == 1 ? "" : null,
            "Events to know the new project", BurstTimeout);
        return projectId;
    }

    /// <summary>Plans <paramref name="count"/> trainings of the project, <see cref="Concurrency"/> at a time.</summary>
    public static async Task<List<(Guid Id, uint Version)>> PlanAsync(HttpClient client, Guid projectId, int count)
    {
        var planned = new ConcurrentBag<(Guid, uint)>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
            async (_, _) => planned.Add(await EventToActivityFlowTests.PlanAsync(client, [projectId])));
        return planned.ToList();
    }

    /// <summary>Marks one planned event held with 37 professionals; the response, or null when the host did not answer.</summary>
    public static async Task<HttpStatusCode?> HoldAsync(HttpClient client, (Guid Id, uint Version) planned, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await client.PostAsJsonAsync(
                $"/api/events/{planned.Id}/held", EventToActivityFlowTests.Attendance(20, 17, planned.Version), cancellationToken);
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public static Task<long> HeldAsync(string connectionString) =>
        ScalarAsync<long>(connectionString, "SELECT count(*) FROM events.events WHERE status = 'Held'");

    /// <summary>The activities that held events produced in Projects, and how many distinct events they come from.</summary>
    public static async Task<(long Activities, long Events)> ActivitiesFromEventsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*), count(DISTINCT event_id) FROM projects.activities WHERE event_id IS NOT NULL AND deleted_at IS NULL", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>
    /// Waits until every held event has its activity in Projects and the events outbox is empty, then returns the
    /// counts. A burst's pace depends on the machine, so the deadline is on progress: it fails when no activity has
    /// arrived for <see cref="BurstTimeout"/> (a stalled consumer), or after ten minutes in all.
    /// </summary>
    public static async Task<(long Activities, long Events)> AllActivitiesArrivedAsync(string connectionString, long expected)
    {
        var total = System.Diagnostics.Stopwatch.StartNew();
        var sinceProgress = System.Diagnostics.Stopwatch.StartNew();
        var last = -1L;
        while (true)
        {
            var counts = await ActivitiesFromEventsAsync(connectionString);
            if (counts.Events == expected
                && await ScalarAsync<long>(connectionString, "SELECT count(*) FROM events.outbox_messages WHERE dispatched_at IS NULL") == 0)
            {
                return await ActivitiesFromEventsAsync(connectionString);
            }
            if (counts.Events != last)
            {
                last = counts.Events;
                sinceProgress.Restart();
            }
            Assert.True(sinceProgress.Elapsed < BurstTimeout && total.Elapsed < TimeSpan.FromMinutes(10),
                $"Waiting for {expected} held events' activities in Projects: {counts.Events} after {total.Elapsed.TotalSeconds:0} s, "
                + $"none new for {sinceProgress.Elapsed.TotalSeconds:0} s.");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
