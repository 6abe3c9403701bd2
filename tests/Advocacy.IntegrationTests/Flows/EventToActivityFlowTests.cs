using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Flows;

/// <summary>
/// Through the real pipeline end to end: an event planned and marked held in Events becomes activity
/// and reach in each linked project's log in Projects, by way of Events' outbox and the real bus.
/// </summary>
public sealed class EventToActivityFlowTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Creates a project and waits until Events has heard of it (it arrives over the bus).</summary>
    internal static async Task<Guid> ProjectKnownToEventsAsync(AdvocacyApp app, HttpClient client, string code)
    {
        var projectId = await Api.CreateProjectAsync(client, code, "2014-01-01");
        await Eventually.Get(async () =>
            await app.ScalarAsync<long>("SELECT count(*) FROM events.known_projects WHERE project_id = $1", projectId) == 1 ? "" : null,
            "Events to know the new project");
        return projectId;
    }

    internal record TrainingRequest(string title, string kind, object[] sessions, bool organisedByUs, string place, string country, Guid[] projectIds);

    internal static TrainingRequest PlannedTraining(Guid[] projectIds) => new(
        "Training for ACCOR Belgium's managers", "training",
        [new { date = "2015-09-08" }, new { date = "2015-09-22" }, new { date = "2015-09-29" }],
        true, "Brussels", "BE", projectIds);

    internal static object Attendance(int female, int male, uint version) => new
    {
        attendance = new object[]
        {
            new { audience = "professionals", gender = "female", count = female },
            new { audience = "professionals", gender = "male", count = male },
        },
        version,
    };

    internal static async Task<(Guid Id, uint Version)> PlanAsync(HttpClient client, Guid[] projectIds)
    {
        var planned = await (await client.PostAsJsonAsync("/api/events", PlannedTraining(projectIds))).JsonAsync(HttpStatusCode.Created);
        return (planned.GetProperty("id").GetGuid(), planned.GetProperty("version").GetUInt32());
    }

    private static async Task<List<JsonElement>> LogAsync(HttpClient client, Guid projectId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/activities?projectId={projectId}")).GetProperty("items").EnumerateArray().ToList();

    private static Task<List<JsonElement>> LogWhenAsync(HttpClient client, Guid projectId, Func<List<JsonElement>, bool> condition, string what) =>
        Eventually.Get(async () => await LogAsync(client, projectId) is var log && condition(log) ? log : null, what);

    [Fact]
    public async Task An_event_marked_held_adds_an_activity_with_its_reach_to_each_linked_project()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var hotel = await ProjectKnownToEventsAsync(app, client, "HOTEL-CODE");
        var react = await ProjectKnownToEventsAsync(app, client, "REACT");
        var (eventId, version) = await PlanAsync(client, [hotel, react]);

        await (await client.PostAsJsonAsync($"/api/events/{eventId}/held", Attendance(20, 17, version))).JsonAsync(HttpStatusCode.OK);

        foreach (var project in new[] { hotel, react })
        {
            var activity = Assert.Single(await LogWhenAsync(client, project, log => log.Count == 1, "the held training in the project's log"));
            Assert.Equal(("training", "2015-09-08", 37, eventId),
                (activity.GetProperty("type").GetString(), activity.GetProperty("date").GetString(),
                 activity.GetProperty("totalReach").GetInt32(), activity.GetProperty("eventId").GetGuid()));
        }
    }

    [Fact]
    public async Task Correcting_the_attendance_updates_the_activity_and_cancelling_withdraws_it()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var hotel = await ProjectKnownToEventsAsync(app, client, "HOTEL-CODE");
        var (eventId, version) = await PlanAsync(client, [hotel]);
        var held = await (await client.PostAsJsonAsync($"/api/events/{eventId}/held", Attendance(20, 17, version))).JsonAsync(HttpStatusCode.OK);
        var first = Assert.Single(await LogWhenAsync(client, hotel, log => log.Count == 1, "the held training"));

        var corrected = await (await client.PutAsJsonAsync($"/api/events/{eventId}/attendance",
            Attendance(25, 20, held.GetProperty("version").GetUInt32()))).JsonAsync(HttpStatusCode.OK);

        var updated = Assert.Single(await LogWhenAsync(client, hotel,
            log => log.Count == 1 && log[0].GetProperty("totalReach").GetInt32() == 45, "the corrected attendance"));
        Assert.Equal(first.GetProperty("id").GetGuid(), updated.GetProperty("id").GetGuid());

        await (await client.PostAsJsonAsync($"/api/events/{eventId}/cancel",
            new { version = corrected.GetProperty("version").GetUInt32() })).JsonAsync(HttpStatusCode.OK);
        await LogWhenAsync(client, hotel, log => log.Count == 0, "the cancelled event's activity withdrawn");
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.activities"));
    }
}

/// <summary>A host that dies between committing "held" and publishing it loses nothing.</summary>
public sealed class EventHeldAcrossARestartTests
{
    [Fact]
    public async Task An_event_marked_held_just_before_a_crash_reaches_the_projects_log_after_the_restart()
    {
        var first = new AdvocacyApp { KeepDatabase = true };
        Guid hotel;
        await ((IAsyncLifetime)first).InitializeAsync();
        try
        {
            var client = await first.ClientAsync(Roles.Staff);
            hotel = await EventToActivityFlowTests.ProjectKnownToEventsAsync(first, client, "HOTEL-CODE");
        }
        finally
        {
            await ((IAsyncLifetime)first).DisposeAsync();
        }

        // This host commits "held" and its EventHeld, and never publishes (it "crashes").
        var crashing = new AdvocacyApp { ExistingDatabase = first.DatabaseName, KeepDatabase = true, DispatchOutbox = false };
        await ((IAsyncLifetime)crashing).InitializeAsync();
        try
        {
            var client = await crashing.ClientAsync(Roles.Staff);
            var (eventId, version) = await EventToActivityFlowTests.PlanAsync(client, [hotel]);
            await (await client.PostAsJsonAsync($"/api/events/{eventId}/held", EventToActivityFlowTests.Attendance(20, 17, version)))
                .JsonAsync(HttpStatusCode.OK);
            Assert.Equal(1L, await crashing.ScalarAsync<long>(
                "SELECT count(*) FROM events.outbox_messages WHERE type LIKE '%EventHeld%' AND dispatched_at IS NULL"));
            Assert.Equal(0L, await crashing.ScalarAsync<long>("SELECT count(*) FROM projects.activities"));
        }
        finally
        {
            await ((IAsyncLifetime)crashing).DisposeAsync();
        }

        var restarted = new AdvocacyApp { ExistingDatabase = first.DatabaseName };
        await ((IAsyncLifetime)restarted).InitializeAsync();
        try
        {
            var client = await restarted.ClientAsync(Roles.Manager);
            var log = await Eventually.Get(async () =>
                (await client.GetFromJsonAsync<JsonElement>($"/api/activities?projectId={hotel}")).GetProperty("items")
                    .EnumerateArray().ToList() is { Count: 1 } items ? items : null, "the held training after the restart");
            Assert.Equal(37, log[0].GetProperty("totalReach").GetInt32());
        }
        finally
        {
            await ((IAsyncLifetime)restarted).DisposeAsync();
        }
    }
}
