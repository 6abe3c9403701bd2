using System.Net;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using static Advocacy.IntegrationTests.Reliability.ReliabilityKit;

namespace Advocacy.IntegrationTests.Reliability;

/// <summary>A host asked to stop (SIGTERM) publishes what its outboxes still hold before it exits.</summary>
[Collection(HostProcessCollection.Name)]
public sealed class GracefulShutdownTests : OwnDatabaseTest
{
    private const int Events = 20;

    private Task<long> PendingAsync() =>
        ScalarAsync<long>(Database, "SELECT count(*) FROM events.outbox_messages WHERE dispatched_at IS NULL");

    [Fact]
    public async Task Stopping_the_host_publishes_its_pending_outbox_before_it_exits()
    {
        // The host under test looks for rows other processes wrote only once an hour, so what a web node (which
        // does not publish) writes stays pending until the host stops: only the drain can publish it.
        var stopping = await HostProcess.StartAsync(Database, new Dictionary<string, string> { ["Messaging:OutboxPollInterval"] = "01:00:00" });
        await using (stopping)
        {
            var client = await stopping.ClientAsync(Roles.Staff);
            var project = await ProjectKnownToEventsAsync(client, Database, "HOTEL-CODE");

            await using (var web = await HostProcess.StartAsync(Database, new Dictionary<string, string> { ["Messaging:DispatchOutbox"] = "false" }))
            {
                var webClient = await web.ClientAsync(Roles.Staff);
                foreach (var planned in await PlanAsync(webClient, project, Events))
                {
                    Assert.Equal(HttpStatusCode.OK, await HoldAsync(webClient, planned));
                }
            }
            Assert.Equal(3L * Events, await PendingAsync()); // planned, held, schedule changed
            Assert.Equal(0L, (await ActivitiesFromEventsAsync(Database)).Activities);

            await stopping.StopAsync(TimeSpan.FromSeconds(60));

            Assert.True(stopping.ExitCode == 0, $"exit code {stopping.ExitCode}:\n{stopping.Output}");
            Assert.Equal(0L, await PendingAsync());
            Assert.Contains($"Published {3 * Events} pending EventsDbContext events while stopping", stopping.Output);
        }

        // What was published into memory but not yet consumed when the bus stopped is published again at the
        // next start: every event reaches Projects, once.
        await using var next = await HostProcess.StartAsync(Database);
        Assert.Equal((Events, Events), await AllActivitiesArrivedAsync(Database, Events));
    }
}
