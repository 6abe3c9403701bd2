using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Flows;
using Advocacy.IntegrationTests.Infrastructure;
using static Advocacy.IntegrationTests.Reliability.ReliabilityKit;

namespace Advocacy.IntegrationTests.Reliability;

/// <summary>
/// Two host processes on one database and a RabbitMQ broker, each running some of the modules (ADR 0020): the
/// cross-module flow goes from one to the other over RabbitMQ, and a token one process issued is good at the other
/// (Data Protection keys live in PostgreSQL).
/// </summary>
[Collection(HostProcessCollection.Name)]
public sealed class ScaleOutTests : OwnDatabaseTest
{
    private static Dictionary<string, string> Running(RabbitMqServer rabbitMq, string modules) =>
        new(rabbitMq.HostSettings) { ["Modules:Run"] = modules };

    [Fact]
    public async Task An_event_held_in_the_events_process_becomes_an_activity_in_the_projects_process_and_in_Reports_over_RabbitMQ()
    {
        await using var rabbitMq = await RabbitMqServer.StartAsync();
        await using var events = await HostProcess.StartAsync(Database, Running(rabbitMq, "events,coalitions"));
        await using var projects = await HostProcess.StartAsync(Database, Running(rabbitMq, "projects,reports"));

        // Every process serves every endpoint; a token from one is good at the other.
        var atEvents = await events.ClientAsync(Roles.Staff);
        var atProjects = projects.ClientWithToken(await events.TokenAsync(Roles.Staff));

        // Projects' ProjectCreated leaves from the projects process and reaches Events' consumer in the other.
        var project = await ProjectKnownToEventsAsync(atEvents, Database, "HOTEL-CODE");
        var (eventId, version) = await EventToActivityFlowTests.PlanAsync(atEvents, [project]);
        await (await atEvents.PostAsJsonAsync($"/api/events/{eventId}/held", EventToActivityFlowTests.Attendance(20, 17, version)))
            .JsonAsync(HttpStatusCode.OK);

        // EventHeld leaves from the events process; Projects, in the other, records the activity, whose
        // ActivityLogged reaches Reports there.
        var log = await Eventually.Get(async () =>
            (await atProjects.GetFromJsonAsync<JsonElement>($"/api/activities?projectId={project}")).GetProperty("items")
                .EnumerateArray().ToList() is { Count: 1 } items ? items : null,
            "the held training in the project's log, served by the projects process", BurstTimeout);
        Assert.Equal((eventId, 37), (log[0].GetProperty("eventId").GetGuid(), log[0].GetProperty("totalReach").GetInt32()));
        await Eventually.Get(async () =>
            await ScalarAsync<long>(Database, "SELECT count(*) FROM reports.activity_facts") == 1 ? "" : null,
            "the activity in Reports' read model", BurstTimeout);

        // Each module's outbox was published by the process that runs it, and only there.
        Assert.Contains("Outbox dispatch for ProjectsDbContext runs elsewhere", events.Output);
        Assert.Contains("Outbox dispatch for EventsDbContext runs elsewhere", projects.Output);
        Assert.DoesNotContain("Outbox dispatch for EventsDbContext runs elsewhere", events.Output);
    }
}
