using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.Modules.Events.Contracts;
using static Advocacy.IntegrationTests.Events.EventApi;

namespace Advocacy.IntegrationTests.Events;

/// <summary>Planned → held (EventHeld), attendance corrected (HeldEventUpdated), cancelled (EventWithdrawn when it was held).</summary>
public sealed class EventLifecycleTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonElement> PayloadAsync(string eventType) =>
        JsonDocument.Parse(await app.ScalarAsync<string>(
            "SELECT payload::text FROM events.outbox_messages WHERE type LIKE $1", OutboxType(eventType))).RootElement.Clone();

    private async Task<(HttpClient Client, JsonElement Planned)> PlannedTrainingAsync()
    {
        var client = await app.ClientAsync(Roles.Staff);
        return (client, await PlanAsync(client, Training("2015-09-29", "2015-09-08", "2015-09-22")));
    }

    private async Task<(HttpClient Client, JsonElement Held)> HeldTrainingAsync()
    {
        var (client, planned) = await PlannedTrainingAsync();
        return (client, await (await HoldAsync(client, planned, ("professionals", null, 37))).JsonAsync(HttpStatusCode.OK));
    }

    [Fact]
    public async Task Marking_an_event_held_publishes_EventHeld_with_its_attendance_session_dates_and_projects()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var hotel = await KnownProjectAsync(app, client, "HOTEL-CODE");
        var planned = await PlanAsync(client, Training("2015-09-29", "2015-09-08", "2015-09-22").With($$"""{ "projectIds": ["{{hotel}}"] }"""));

        var held = await (await HoldAsync(client, planned, ("professionals", "female", 20), ("professionals", "male", 17))).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("held", held.GetProperty("status").GetString());
        Assert.Equal(37, held.GetProperty("totalAttendance").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, held.GetProperty("heldAt").ValueKind);
        Assert.Equal(1L, await app.PublishedAsync("EventHeld"));
        var payload = (await PayloadAsync("EventHeld")).GetProperty("event");
        Assert.Equal(Id(planned), payload.GetProperty("eventId").GetGuid());
        Assert.Equal(["2015-09-08", "2015-09-22", "2015-09-29"], payload.GetProperty("sessionDates").EnumerateArray().Select(d => d.GetString()!).ToArray());
        Assert.Equal([hotel], payload.GetProperty("projectIds").EnumerateArray().Select(p => p.GetGuid()).ToArray());
        Assert.Equal([20, 17], payload.GetProperty("attendance").EnumerateArray().Select(a => a.GetProperty("count").GetInt32()).ToArray());
        Assert.Equal("Brussels", payload.GetProperty("place").GetString());
        Assert.True(payload.GetProperty("organisedByUs").GetBoolean());
    }

    [Fact]
    public async Task Marking_an_event_held_twice_returns_409_and_it_stays_one_EventHeld()
    {
        var (client, held) = await HeldTrainingAsync();

        var again = await HoldAsync(client, held, ("professionals", null, 40));

        await again.JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(1L, await app.PublishedAsync("EventHeld"));
        Assert.Equal(37, (await client.GetFromJsonAsync<JsonElement>($"/api/events/{Id(held)}")).GetProperty("totalAttendance").GetInt32());
    }

    [Fact]
    public async Task Concurrent_requests_to_mark_one_event_held_let_exactly_one_win()
    {
        var (client, planned) = await PlannedTrainingAsync();

        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => HoldAsync(client, planned, ("professionals", null, i))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1L, await app.PublishedAsync("EventHeld"));
    }

    [Fact]
    public async Task An_event_whose_first_session_is_still_to_come_cannot_be_marked_held()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var planned = await PlanAsync(client, Training("2100-09-08"));

        await (await HoldAsync(client, planned, ("professionals", null, 12))).JsonAsync(HttpStatusCode.Conflict);

        Assert.Equal("Planned", await app.ScalarAsync<string>("SELECT status FROM events.events"));
        Assert.Equal(0L, await app.PublishedToProjectsAsync());
        Assert.Equal(1L, await app.PublishedAsync("EventScheduleChanged"));
    }

    public static TheoryData<string, string> BadAttendance => new()
    {
        { "attendance", """{ "attendance": null }""" },
        { "attendance[0].count", """{ "attendance": [{ "audience": "professionals", "count": -1 }] }""" },
        { "attendance[0].count", """{ "attendance": [{ "audience": "professionals", "count": 10000001 }] }""" },
        { "attendance[0].count", """{ "attendance": [{ "audience": "professionals" }] }""" },
        { "attendance[0].audience", """{ "attendance": [{ "count": 12 }] }""" },
        { "attendance", """{ "attendance": [{ "audience": "professionals", "gender": "female", "count": 1 }, { "audience": "professionals", "gender": "female", "count": 2 }] }""" },
        { "attendance", """{ "attendance": [{ "audience": "children", "count": 1 }, { "audience": "children", "count": 2 }] }""" },
        { "attendance", $$"""{ "attendance": [{{string.Join(", ", Enumerable.Range(0, 21).Select(_ => """{ "audience": "children", "count": 1 }"""))}}] }""" },
        { "version", """{ "version": null }""" },
    };

    [Theory]
    [MemberData(nameof(BadAttendance))]
    public async Task Marking_held_with_bad_attendance_returns_400_naming_the_field_and_changes_nothing(string expectedField, string patch)
    {
        var (client, planned) = await PlannedTrainingAsync();

        var response = await client.PostAsJsonAsync($"/api/events/{Id(planned)}/held", Attendance(planned, ("professionals", null, 37)).With(patch));

        Assert.Contains(expectedField, await Api.ErrorFieldsAsync(response));
        Assert.Equal("Planned", await app.ScalarAsync<string>("SELECT status FROM events.events"));
        Assert.Equal(0L, await app.PublishedToProjectsAsync());
        Assert.Equal(1L, await app.PublishedAsync("EventScheduleChanged"));
    }

    [Fact]
    public async Task Correcting_the_attendance_of_a_held_event_publishes_HeldEventUpdated_and_never_a_second_EventHeld()
    {
        var (client, held) = await HeldTrainingAsync();

        var corrected = await (await client.PutAsJsonAsync($"/api/events/{Id(held)}/attendance",
            Attendance(held, ("professionals", "female", 21), ("professionals", "male", 18)))).JsonAsync(HttpStatusCode.OK);
        var unchanged = await (await client.PutAsJsonAsync($"/api/events/{Id(held)}/attendance",
            Attendance(corrected, ("professionals", "female", 21), ("professionals", "male", 18)))).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(39, corrected.GetProperty("totalAttendance").GetInt32());
        Assert.Equal(1L, await app.PublishedAsync("EventHeld"));
        Assert.Equal(1L, await app.PublishedAsync("HeldEventUpdated"));
        var payload = (await PayloadAsync("HeldEventUpdated")).GetProperty("event");
        Assert.Equal([21, 18], payload.GetProperty("attendance").EnumerateArray().Select(a => a.GetProperty("count").GetInt32()).ToArray());
        Assert.Equal(3, payload.GetProperty("sessionDates").GetArrayLength());
        Assert.Equal(39, unchanged.GetProperty("totalAttendance").GetInt32());
    }

    [Fact]
    public async Task The_attendance_of_an_event_not_held_cannot_be_corrected()
    {
        var (client, planned) = await PlannedTrainingAsync();

        await (await client.PutAsJsonAsync($"/api/events/{Id(planned)}/attendance", Attendance(planned, ("professionals", null, 12))))
            .JsonAsync(HttpStatusCode.Conflict);
        var cancelled = await (await client.PostAsJsonAsync($"/api/events/{Id(planned)}/cancel", VersionOf(planned))).JsonAsync(HttpStatusCode.OK);
        await (await client.PutAsJsonAsync($"/api/events/{Id(planned)}/attendance", Attendance(cancelled, ("professionals", null, 12))))
            .JsonAsync(HttpStatusCode.Conflict);
        await (await HoldAsync(client, cancelled, ("professionals", null, 12))).JsonAsync(HttpStatusCode.Conflict);

        Assert.Equal(0L, await app.PublishedToProjectsAsync());
        Assert.Equal(2L, await app.PublishedAsync("EventScheduleChanged"));
    }

    [Fact]
    public async Task Editing_a_held_events_details_or_projects_publishes_HeldEventUpdated_but_its_description_alone_does_not()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var hotel = await KnownProjectAsync(app, client, "HOTEL-CODE");
        var react = await KnownProjectAsync(app, client, "REACT");
        var planned = await PlanAsync(client, Training("2015-09-08").With($$"""{ "projectIds": ["{{hotel}}"] }"""));
        var held = await (await HoldAsync(client, planned, ("professionals", null, 12))).JsonAsync(HttpStatusCode.OK);

        var described = await (await client.PutAsJsonAsync($"/api/events/{Id(held)}",
            Edit(Training("2015-09-08").With($$"""{ "projectIds": ["{{hotel}}"], "description": "Following the Code of Conduct." }"""), held)))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0L, await app.PublishedAsync("HeldEventUpdated"));

        var moved = await (await client.PutAsJsonAsync($"/api/events/{Id(held)}",
            Edit(Training("2015-09-08", "2015-09-22").With($$"""{ "projectIds": ["{{react}}"], "place": "Hotel Ibis, Brussels" }"""), described)))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal("held", moved.GetProperty("status").GetString());
        Assert.Equal(1L, await app.PublishedAsync("HeldEventUpdated"));
        var payload = (await PayloadAsync("HeldEventUpdated")).GetProperty("event");
        Assert.Equal([react], payload.GetProperty("projectIds").EnumerateArray().Select(p => p.GetGuid()).ToArray());
        Assert.Equal(["2015-09-08", "2015-09-22"], payload.GetProperty("sessionDates").EnumerateArray().Select(d => d.GetString()!).ToArray());
        Assert.Equal(12, payload.GetProperty("attendance")[0].GetProperty("count").GetInt32());

        var future = await client.PutAsJsonAsync($"/api/events/{Id(held)}", Edit(Training("2100-09-08"), moved));
        Assert.Equal(["sessions"], await Api.ErrorFieldsAsync(future));
        Assert.Equal(1L, await app.PublishedAsync("HeldEventUpdated"));
    }

    [Fact]
    public async Task Cancelling_a_held_event_publishes_EventWithdrawn()
    {
        var (client, held) = await HeldTrainingAsync();

        var cancelled = await (await client.PostAsJsonAsync($"/api/events/{Id(held)}/cancel", VersionOf(held))).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, cancelled.GetProperty("cancelledAt").ValueKind);
        Assert.Equal(1L, await app.PublishedAsync("EventWithdrawn"));
        Assert.Equal(Id(held), (await PayloadAsync("EventWithdrawn")).GetProperty("eventId").GetGuid());
        await (await client.PostAsJsonAsync($"/api/events/{Id(held)}/cancel", VersionOf(cancelled))).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(1L, await app.PublishedAsync("EventWithdrawn"));
    }

    [Fact]
    public async Task Cancelling_a_planned_event_publishes_its_schedule_and_nothing_for_Projects()
    {
        var (client, planned) = await PlannedTrainingAsync();

        var cancelled = await (await client.PostAsJsonAsync($"/api/events/{Id(planned)}/cancel", VersionOf(planned))).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(0L, await app.PublishedToProjectsAsync());
        var status = await app.ScalarAsync<int>(
            "SELECT (payload->'event'->>'status')::int FROM events.outbox_messages WHERE type LIKE $1 ORDER BY id DESC LIMIT 1", OutboxType("EventScheduleChanged"));
        Assert.Equal((int)ScheduledEventStatus.Cancelled, status);
    }

    [Fact]
    public async Task Changes_made_on_a_stale_version_return_409_and_publish_nothing()
    {
        var (client, planned) = await PlannedTrainingAsync();
        var edited = await (await client.PutAsJsonAsync($"/api/events/{Id(planned)}", Edit(Training("2015-09-08"), planned))).JsonAsync(HttpStatusCode.OK);

        await (await HoldAsync(client, planned, ("professionals", null, 12))).JsonAsync(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync($"/api/events/{Id(planned)}/cancel", VersionOf(planned))).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(0L, await app.PublishedToProjectsAsync());
        Assert.Equal(2L, await app.PublishedAsync("EventScheduleChanged"));

        var held = await (await HoldAsync(client, edited, ("professionals", null, 12))).JsonAsync(HttpStatusCode.OK);
        await (await client.PutAsJsonAsync($"/api/events/{Id(held)}/attendance", Attendance(edited, ("professionals", null, 13)))).JsonAsync(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync($"/api/events/{Id(held)}/cancel", VersionOf(edited))).JsonAsync(HttpStatusCode.Conflict);

        Assert.Equal("Held", await app.ScalarAsync<string>("SELECT status FROM events.events"));
        Assert.Equal(1L, await app.PublishedToProjectsAsync());
        Assert.Equal(1L, await app.PublishedAsync("EventHeld"));
        Assert.Equal(3L, await app.PublishedAsync("EventScheduleChanged"));
    }
}
