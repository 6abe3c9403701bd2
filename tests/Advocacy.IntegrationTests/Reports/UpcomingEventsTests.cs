using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.Modules.Events.Contracts;
using static Advocacy.IntegrationTests.Events.EventApi;

namespace Advocacy.IntegrationTests.Reports;

/// <summary>
/// The upcoming events on the project and organisation dashboards, fed by Events' EventScheduleChanged through
/// Events' outbox and the real bus into Reports' read model.
/// </summary>
public sealed class UpcomingEventsTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string Organisation = "/api/reports/dashboards/organisation";

    private static string ProjectDashboard(Guid projectId) => $"/api/reports/dashboards/projects/{projectId}";

    /// <summary>A day counted from today, by the UTC calendar the dashboards use.</summary>
    private static string Day(int fromToday) => $"{DateOnly.FromDateTime(DateTime.UtcNow).AddDays(fromToday):yyyy-MM-dd}";

    private static async Task<List<JsonElement>> UpcomingAsync(HttpClient client, string dashboard) =>
        (await (await client.GetAsync(dashboard)).JsonAsync(HttpStatusCode.OK)).GetProperty("upcomingEvents").EnumerateArray().ToList();

    /// <summary>Polls a dashboard until its upcoming events meet <paramref name="condition"/>; a 404 (project not back yet after a rebuild) is polled through.</summary>
    private static Task<List<JsonElement>> UpcomingWhenAsync(HttpClient client, string dashboard, Func<List<JsonElement>, bool> condition, string what) =>
        Eventually.Get(async () =>
        {
            var response = await client.GetAsync(dashboard);
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            var upcoming = (await response.JsonAsync(HttpStatusCode.OK)).GetProperty("upcomingEvents").EnumerateArray().ToList();
            return condition(upcoming) ? upcoming : null;
        }, what);

    private static string Titles(List<JsonElement> upcoming) => string.Join(" | ", upcoming.Select(e => e.GetProperty("title").GetString()));

    /// <summary>Creates a project and waits until both Events (to link events to it) and Reports (for its dashboard) know it.</summary>
    private async Task<Guid> ProjectKnownEverywhereAsync(HttpClient client, string code)
    {
        var projectId = await KnownProjectAsync(app, client, code);
        await Eventually.Get(async () =>
            await app.ScalarAsync<long>("SELECT count(*) FROM reports.project_summaries WHERE project_id = $1", projectId) == 1 ? "" : null,
            $"Reports to know project {code}");
        return projectId;
    }

    [Fact]
    public async Task A_planned_event_is_listed_on_its_projects_and_the_organisations_dashboard_follows_its_edits_and_goes_when_cancelled()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var react = await ProjectKnownEverywhereAsync(client, "REACT");
        var mario = await ProjectKnownEverywhereAsync(client, "MARIO");

        var planned = await PlanAsync(client, Training(Day(31), Day(30)).With($$"""{ "projectIds": ["{{react}}"] }"""));

        var listed = Assert.Single(await UpcomingWhenAsync(client, ProjectDashboard(react), u => u.Count == 1, "the planned training on ReACT's dashboard"));
        Assert.Equal((Id(planned), "Training for ACCOR Belgium's managers", "training", Day(30), Day(31), "Brussels", "BE", false),
            (listed.GetProperty("eventId").GetGuid(), listed.GetProperty("title").GetString(), listed.GetProperty("kind").GetString(),
             listed.GetProperty("startsOn").GetString(), listed.GetProperty("endsOn").GetString(), listed.GetProperty("place").GetString(),
             listed.GetProperty("country").GetString(), listed.GetProperty("online").GetBoolean()));
        Assert.Equal(Id(planned), Assert.Single(await UpcomingAsync(client, Organisation)).GetProperty("eventId").GetGuid());
        Assert.Empty(await UpcomingAsync(client, ProjectDashboard(mario)));

        var edited = await (await client.PutAsJsonAsync($"/api/events/{Id(planned)}", Edit(Training(Day(40), Day(42))
            .With($$"""{ "title": "Training for Ibis managers", "projectIds": ["{{react}}", "{{mario}}"] }"""), planned))).JsonAsync(HttpStatusCode.OK);

        var moved = Assert.Single(await UpcomingWhenAsync(client, ProjectDashboard(react),
            u => u.Count == 1 && u[0].GetProperty("title").GetString() == "Training for Ibis managers", "the edited training on ReACT's dashboard"));
        Assert.Equal((Day(40), Day(42)), (moved.GetProperty("startsOn").GetString(), moved.GetProperty("endsOn").GetString()));
        Assert.Equal("Training for Ibis managers", Assert.Single(await UpcomingAsync(client, ProjectDashboard(mario))).GetProperty("title").GetString());
        Assert.Equal(Day(40), Assert.Single(await UpcomingAsync(client, Organisation)).GetProperty("startsOn").GetString());

        await (await client.PostAsJsonAsync($"/api/events/{Id(planned)}/cancel", VersionOf(edited))).JsonAsync(HttpStatusCode.OK);

        await UpcomingWhenAsync(client, ProjectDashboard(react), u => u.Count == 0, "the cancelled training gone from ReACT's dashboard");
        Assert.Empty(await UpcomingAsync(client, ProjectDashboard(mario)));
        Assert.Empty(await UpcomingAsync(client, Organisation));
    }

    [Fact]
    public async Task An_event_under_way_is_listed_until_it_is_marked_held()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var planned = await PlanAsync(client, Training(Day(-1), Day(5)));
        await UpcomingWhenAsync(client, Organisation, u => u.Count == 1, "the training under way on the organisation's dashboard");

        await (await HoldAsync(client, planned, ("professionals", null, 37))).JsonAsync(HttpStatusCode.OK);

        await UpcomingWhenAsync(client, Organisation, u => u.Count == 0, "the held training gone from the upcoming events");
        Assert.Equal("Held", await app.ScalarAsync<string>("SELECT status FROM reports.event_facts"));
    }

    [Fact]
    public async Task The_dashboard_lists_the_ten_soonest_events_first_and_no_event_that_has_ended()
    {
        var client = await app.ClientAsync(Roles.Staff);
        await PlanAsync(client, Training("2015-09-08", "2015-09-22").With("""{ "title": "Held long ago, never marked" }"""));
        await PlanAsync(client, Training(Day(-3), Day(-1)).With("""{ "title": "Ended yesterday" }"""));
        // Eleven events, planned in no particular order, every other day from tomorrow.
        foreach (var n in new[] { 7, 2, 11, 1, 5, 9, 3, 10, 6, 4, 8 })
        {
            await PlanAsync(client, Training(Day(n * 2 - 1)).With($$"""{ "title": "Event {{n:00}}", "online": true, "place": null }"""));
        }
        await Eventually.Get(async () => await app.ScalarAsync<long>("SELECT count(*) FROM reports.event_facts") == 13 ? "" : null,
            "all 13 events in Reports");

        var upcoming = await UpcomingAsync(client, Organisation);

        Assert.Equal(string.Join(" | ", Enumerable.Range(1, 10).Select(n => $"Event {n:00}")), Titles(upcoming));
        Assert.Equal(Day(1), upcoming[0].GetProperty("startsOn").GetString());
        Assert.True(upcoming[0].GetProperty("online").GetBoolean());
        Assert.Equal(JsonValueKind.Null, upcoming[0].GetProperty("place").ValueKind);
    }

    [Fact]
    public async Task An_older_schedule_consumed_after_a_newer_one_changes_nothing()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var eventId = Guid.NewGuid();
        var newest = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var starts = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);
        EventScheduleChanged Schedule(string title, ScheduledEventStatus status, DateTimeOffset occurredAt) => new(
            new ScheduledEventDetails(eventId, title, EventKind.Presentation, [starts], "Council of Europe, Strasbourg", "FR", false, [], status),
            occurredAt);
        Task Consumed(EventScheduleChanged message) => ConsumedProbe.PublishAndWaitAsync(app.Services, message, "Reports");

        await Consumed(Schedule("Presentation of the ReACT report", ScheduledEventStatus.Planned, newest));
        await Consumed(Schedule("An older title", ScheduledEventStatus.Planned, newest.AddMinutes(-5)));
        await Consumed(Schedule("An older title", ScheduledEventStatus.Cancelled, newest.AddMinutes(-1)));

        Assert.Equal("Presentation of the ReACT report", Titles(await UpcomingAsync(client, Organisation)));

        await Consumed(Schedule("Presentation of the ReACT report", ScheduledEventStatus.Cancelled, newest.AddMinutes(1)));
        Assert.Empty(await UpcomingAsync(client, Organisation));
    }

    [Fact]
    public async Task After_a_rebuild_the_upcoming_events_come_back_even_those_planned_before_Events_published_schedules()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var admin = await app.ClientAsync(Roles.Admin);
        var react = await ProjectKnownEverywhereAsync(client, "REACT");
        var withHistory = await PlanAsync(client, Training(Day(10)).With($$"""{ "title": "With history", "projectIds": ["{{react}}"] }"""));
        var withoutHistory = await PlanAsync(client, Training(Day(12)).With($$"""{ "title": "Without history", "projectIds": ["{{react}}"] }"""));
        await UpcomingWhenAsync(client, ProjectDashboard(react), u => u.Count == 2, "both events on ReACT's dashboard");
        // As if it had been planned before EventScheduleChanged existed: its outbox holds no schedule of it.
        Assert.Equal(1, await app.ScalarAsync<int>(
            "WITH gone AS (DELETE FROM events.outbox_messages WHERE type LIKE $1 AND payload->'event'->>'eventId' = $2 RETURNING 1) SELECT count(*)::int FROM gone",
            OutboxType("EventScheduleChanged"), Id(withoutHistory).ToString()));

        await (await admin.PostAsync("/api/reports/rebuild", null)).JsonAsync(HttpStatusCode.Accepted);

        var expected = "With history | Without history";
        await UpcomingWhenAsync(client, ProjectDashboard(react), u => Titles(u) == expected, $"{expected} on ReACT's dashboard after the rebuild");
        Assert.Equal(expected, Titles(await UpcomingAsync(client, Organisation)));
        Assert.Equal(Id(withHistory), (await UpcomingAsync(client, Organisation))[0].GetProperty("eventId").GetGuid());
        // Every schedule in Events' outbox (the replayed history and each event's current state) has reached Reports,
        // so none arrives in the next test.
        await Eventually.Get(async () => await app.ScalarAsync<long>(
            "SELECT count(*) FROM events.outbox_messages o WHERE o.type LIKE $1 AND NOT EXISTS (SELECT 1 FROM reports.inbox_messages i WHERE i.message_id = o.id)",
            OutboxType("EventScheduleChanged")) == 0 ? "" : null, "every schedule replayed to Reports");
    }
}
