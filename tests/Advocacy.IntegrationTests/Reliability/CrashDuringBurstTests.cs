using System.Collections.Concurrent;
using System.Net;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using static Advocacy.IntegrationTests.Reliability.ReliabilityKit;

namespace Advocacy.IntegrationTests.Reliability;

/// <summary>
/// The host process killed (SIGKILL) in the middle of a burst of events marked held: what it committed, and
/// only that, reaches Projects after a restart, each event once. Its outbox keeps what it had not published;
/// what it had published into memory but not consumed is published again at start and the inbox drops repeats.
/// </summary>
[Collection(HostProcessCollection.Name)]
public sealed class CrashDuringBurstTests : OwnDatabaseTest
{
    private const int Events = 1000;

    [Fact]
    public async Task A_host_killed_while_1000_events_are_marked_held_gives_each_its_activity_exactly_once_after_a_restart()
    {
        List<(Guid Id, uint Version)> planned;
        var acknowledged = new ConcurrentBag<Guid>();
        var refused = new ConcurrentBag<HttpStatusCode>();
        long heldAtKill;
        await using (var first = await HostProcess.StartAsync(Database))
        {
            var client = await first.ClientAsync(Roles.Staff);
            var project = await ProjectKnownToEventsAsync(client, Database, "HOTEL-CODE");
            planned = await PlanAsync(client, project, Events);

            // The burst: every planned event marked held, 16 at a time, until the process dies under it.
            var burst = Parallel.ForEachAsync(planned, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (e, _) =>
            {
                switch (await HoldAsync(client, e))
                {
                    case HttpStatusCode.OK: acknowledged.Add(e.Id); break;
                    case { } other: refused.Add(other); break;
                }
            });
            await Eventually.Get(async () => await HeldAsync(Database) >= Events / 4 ? "" : null, "a quarter of the burst held", BurstTimeout);
            await first.KillAsync();
            heldAtKill = await HeldAsync(Database);
            await burst;
        }
        Assert.Empty(refused);
        Assert.InRange(heldAtKill, Events / 4, Events - 1);
        var (activitiesAtKill, _) = await ActivitiesFromEventsAsync(Database);
        Assert.True(activitiesAtKill < Events, "the kill came before every activity was recorded");

        await using (var second = await HostProcess.StartAsync(Database))
        {
            // The client finishes the burst: 200 for the events the first process never held, 409 for those it
            // committed but could not answer for.
            var client = await second.ClientAsync(Roles.Staff);
            var answered = acknowledged.ToHashSet();
            var unanswered = planned.Where(e => !answered.Contains(e.Id)).ToList();
            var statuses = new ConcurrentBag<HttpStatusCode?>();
            await Parallel.ForEachAsync(unanswered, new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
                async (e, _) => statuses.Add(await HoldAsync(client, e)));
            Assert.All(statuses, status => Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"got {status}"));
            Assert.Equal(Events, await HeldAsync(Database));

            var (activities, events) = await AllActivitiesArrivedAsync(Database, Events);
            Assert.Equal((Events, Events), (activities, events));
        }
    }
}
