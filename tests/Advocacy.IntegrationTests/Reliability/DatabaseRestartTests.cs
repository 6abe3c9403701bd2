using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using static Advocacy.IntegrationTests.Reliability.ReliabilityKit;

namespace Advocacy.IntegrationTests.Reliability;

/// <summary>
/// PostgreSQL restarted under a host that is taking writes: the host reports itself unready, answers 503 (never 500)
/// while the database is away, and recovers by itself, its connection pool, outbox dispatchers and consumers
/// included; no write it acknowledged is lost. On a cluster of the test's own, never the shared one.
/// </summary>
[Collection(HostProcessCollection.Name)]
public sealed class DatabaseRestartTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Restarting_PostgreSQL_during_writes_makes_the_host_unready_then_ready_and_loses_no_acknowledged_write()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        var database = postgres.NewDatabase();
        await using var host = await HostProcess.StartAsync(database);
        var client = await host.ClientAsync(Roles.Staff);
        var project = await Api.CreateProjectAsync(client, "REACT", "2015-01-01");

        // Two clients log activities without pause while the database goes away and comes back.
        var acknowledged = new ConcurrentBag<Guid>();
        var refused = new ConcurrentDictionary<string, int>();
        using var stopWriting = new CancellationTokenSource();
        var writers = Enumerable.Range(1, 2).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; !stopWriting.IsCancellationRequested; i++)
            {
                var outcome = await LogAsync(client, project, $"Meeting {writer}.{i} with the Brussels Parliament's youth committee");
                if (outcome is Guid id)
                {
                    acknowledged.Add(id);
                }
                else
                {
                    refused.AddOrUpdate(outcome.ToString()!, 1, (_, n) => n + 1);
                    // Pace the retries of a client that is turned away, as a person (or a client's back-off) would.
                    await Task.Delay(TimeSpan.FromMilliseconds(50));
                }
            }
        })).ToList();

        await Until(() => Task.FromResult(acknowledged.Count >= 20), "writes to be acknowledged before the restart");
        await postgres.StopAsync();
        var acknowledgedBeforeRestart = acknowledged.Count;
        await Until(async () => !await host.ReadyAsync(), "/health/ready to report the database away");
        await Until(() => Task.FromResult(refused.Values.Sum() >= 3), "writes to be turned away while the database is away");

        await postgres.StartAgainAsync();
        await Until(host.ReadyAsync, "/health/ready to recover with no manual step");
        var acknowledgedAfterStart = acknowledged.Count;
        await Until(() => Task.FromResult(acknowledged.Count >= acknowledgedAfterStart + 20), "writes to be acknowledged again");
        await stopWriting.CancelAsync();
        await Task.WhenAll(writers);

        Assert.True(acknowledgedBeforeRestart >= 20);
        Assert.True(refused.Keys.All(outcome => outcome is "503" or "unanswered"),
            $"while the database was away the host answered: {string.Join(", ", refused.Select(r => $"{r.Key} ×{r.Value}"))}\n"
            + UnhandledExceptions(host.Output));
        // Every acknowledged write is there; the outbox dispatcher and Reports' consumers caught up by themselves.
        var ids = acknowledged.ToArray();
        Assert.Equal((long)ids.Length, await ScalarAsync<long>(database, "SELECT count(*) FROM projects.activities WHERE id = ANY($1)", ids));
        await Eventually.Get(async () =>
            await ScalarAsync<long>(database, "SELECT count(*) FROM projects.outbox_messages WHERE dispatched_at IS NULL") == 0
            && await ScalarAsync<long>(database, "SELECT count(*) FROM reports.activity_facts")
                == await ScalarAsync<long>(database, "SELECT count(*) FROM projects.activities") ? "" : null,
            "every activity in Reports' read model", Deadline);
    }

    /// <summary>The first few requests the host failed with an unhandled exception, with their stack traces.</summary>
    private static string UnhandledExceptions(string output)
    {
        var lines = output.Split('\n');
        return string.Join("\n", lines
            .Select((line, index) => (line, index))
            .Where(l => l.line.Contains("fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", StringComparison.Ordinal))
            .Take(3)
            .SelectMany(l => lines.Skip(l.index).Take(30)));
    }

    /// <summary>The new activity's id, or what the host answered instead ("503", "unanswered").</summary>
    private static async Task<object> LogAsync(HttpClient client, Guid project, string title)
    {
        try
        {
            using var response = await client.PostAsJsonAsync($"/api/projects/{project}/activities",
                new { type = "meetingWithPolicyMakers", date = "2016-04-20", title });
            return response.StatusCode == HttpStatusCode.Created
                ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()
                : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return "unanswered";
        }
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < Deadline, $"Timed out after {Deadline.TotalSeconds:0} s waiting for {what}.");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
