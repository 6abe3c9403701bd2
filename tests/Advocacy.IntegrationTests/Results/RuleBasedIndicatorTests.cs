using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Flows;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.Modules.Reports.Contracts;
using static Advocacy.IntegrationTests.Results.ResultsKit;

namespace Advocacy.IntegrationTests.Results;

/// <summary>
/// Indicators that count themselves (ADR 0012): their periods are computed from the activity log in the
/// transaction of every activity change, name the activities that produced them, and reach Reports.
/// </summary>
public sealed class RuleBasedIndicatorTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Rule(string kind, string periodLength = "quarter", string[]? activityTypes = null, string[]? audiences = null, string[]? genders = null) =>
        new { kind, periodLength, activityTypes, audiences, genders };

    private static async Task<JsonElement> LogAsync(HttpClient client, Guid projectId, string type, string date, string title, params object[] reach) =>
        await (await client.PostAsJsonAsync($"/api/projects/{projectId}/activities", new { type, date, title, country = "BE", reach }))
            .JsonAsync(HttpStatusCode.Created);

    private static async Task<JsonElement> EditAsync(HttpClient client, JsonElement activity, string type, string date, params object[] reach) =>
        await (await client.PutAsJsonAsync($"/api/activities/{activity.Id()}", new
        {
            type, date, title = activity.GetProperty("title").GetString(), country = "BE", reach, version = activity.GetProperty("version").GetUInt32(),
        })).JsonAsync(HttpStatusCode.OK);

    private static async Task<string> PeriodsAsync(HttpClient client, Guid projectId, Guid indicatorId) =>
        Periods(await FrameworkIndicatorAsync(client, projectId, indicatorId));

    [Fact]
    public async Task An_activity_count_follows_activities_logged_moved_to_another_period_retyped_and_deleted_and_Reports_follows()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await Api.CreateProjectAsync(client, "HOTEL-CODE", "2015-01-01");
        var objective = await ObjectiveAsync(client, projectId);
        var trainings = await CreateIndicatorAsync(client, projectId,
            Indicator(objective, "1.1", Rule("activityCount", "quarter", ["training", "workshop"])));
        // The same count, "latest": its actual is the last period's, so a period dropping to 0 must reach Reports too.
        var latest = await CreateIndicatorAsync(client, projectId,
            Indicator(objective, "1.2", Rule("activityCount", "quarter", ["training", "workshop"]), aggregation: "latest"));
        Assert.Equal("activityCount", trainings.GetProperty("rule").GetProperty("kind").GetString());
        Assert.Equal("2015-01-01", trainings.GetProperty("rule").GetProperty("periodsFrom").GetString());
        // Stored as JSON with enum names, so a new filter or kind needs no migration.
        var stored = await app.ScalarAsync<string>("SELECT rule::text FROM projects.indicators WHERE id = $1", trainings.Id());
        Assert.Contains("\"ActivityCount\"", stored);
        Assert.Contains("[\"Training\", \"Workshop\"]", stored);

        var training = await LogAsync(client, projectId, "training", "2015-02-10", "Training for hotel managers");
        var workshop = await LogAsync(client, projectId, "workshop", "2015-03-05", "Workshop with receptionists");
        await LogAsync(client, projectId, "media", "2015-03-06", "Interview on the radio");
        Assert.Equal("2015-01-01..2015-03-31=2", await PeriodsAsync(client, projectId, trainings.Id()));
        Assert.Equal(["Training for hotel managers", "Workshop with receptionists"],
            await SourceTitlesAsync(client, projectId, trainings.Id(), "2015-01-01"));
        await AssertActualEverywhereAsync(client, projectId, trainings.Id(), "2");

        // Date moved to the next quarter: one in each.
        training = await EditAsync(client, training, "training", "2015-05-01");
        Assert.Equal("2015-01-01..2015-03-31=1; 2015-04-01..2015-06-30=1", await PeriodsAsync(client, projectId, trainings.Id()));
        Assert.Equal(["Training for hotel managers"], await SourceTitlesAsync(client, projectId, trainings.Id(), "2015-04-01"));
        await AssertActualEverywhereAsync(client, projectId, trainings.Id(), "2");

        // Type changed to one the rule does not count: the first quarter drops to 0 and stays listed at 0.
        await EditAsync(client, workshop, "media", "2015-03-05");
        Assert.Equal("2015-01-01..2015-03-31=0; 2015-04-01..2015-06-30=1", await PeriodsAsync(client, projectId, trainings.Id()));
        Assert.Empty(await SourceTitlesAsync(client, projectId, trainings.Id(), "2015-01-01"));
        await AssertActualEverywhereAsync(client, projectId, trainings.Id(), "1");
        await AssertActualEverywhereAsync(client, projectId, latest.Id(), "1");

        // Deleted: nothing counts any more, and Reports hears of the 0 (the latest period's value).
        await (await client.DeleteAsync($"/api/activities/{training.Id()}")).JsonAsync(HttpStatusCode.NoContent);
        Assert.Equal("2015-01-01..2015-03-31=0; 2015-04-01..2015-06-30=0", await PeriodsAsync(client, projectId, trainings.Id()));
        await AssertActualEverywhereAsync(client, projectId, trainings.Id(), "0");
        await AssertActualEverywhereAsync(client, projectId, latest.Id(), "0");
    }

    [Fact]
    public async Task A_reach_sum_counts_only_the_audiences_and_genders_of_its_rule_and_follows_a_reach_change()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await Api.CreateProjectAsync(client, "GOLONDRINA", "2011-01-01");
        var girls = await CreateIndicatorAsync(client, projectId, Indicator(await ObjectiveAsync(client, projectId), "1.1",
            Rule("reachSum", "year", audiences: ["children"], genders: ["female"])));

        var campaign = await LogAsync(client, projectId, "awarenessCampaign", "2011-03-14", "Campaign in Santafe",
            new { audience = "children", gender = "female", count = 120 }, new { audience = "children", gender = "male", count = 110 },
            new { audience = "professionals", gender = "female", count = 8 });
        await LogAsync(client, projectId, "awarenessCampaign", "2011-05-02", "Campaign in Candelaria", new { audience = "children", count = 300 });
        Assert.Equal("2011-01-01..2011-12-31=120", await PeriodsAsync(client, projectId, girls.Id()));
        // Reach whose gender is not known does not count for "female": only the campaign in Santafe produced the figure.
        Assert.Equal(["Campaign in Santafe"], await SourceTitlesAsync(client, projectId, girls.Id(), "2011-01-01"));

        await EditAsync(client, campaign, "awarenessCampaign", "2011-03-14",
            new { audience = "children", gender = "female", count = 135 }, new { audience = "children", gender = "male", count = 110 });
        Assert.Equal("2011-01-01..2011-12-31=135", await PeriodsAsync(client, projectId, girls.Id()));
        await AssertActualEverywhereAsync(client, projectId, girls.Id(), "135");
    }

    [Fact]
    public async Task An_event_marked_held_counts_as_an_event_held_with_its_reach_follows_the_attendance_and_is_withdrawn_when_cancelled()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await EventToActivityFlowTests.ProjectKnownToEventsAsync(app, client, "HOTEL-CODE");
        var objective = await ObjectiveAsync(client, projectId);
        var events = await CreateIndicatorAsync(client, projectId, Indicator(objective, "1.1", Rule("eventsHeld", "year")));
        var reached = await CreateIndicatorAsync(client, projectId, Indicator(objective, "1.2", Rule("reachSum", "year", audiences: ["professionals"])));
        await LogAsync(client, projectId, "meetingWithPolicyMakers", "2015-06-01", "Meeting at the ministry", new { audience = "policyMakers", count = 3 });

        var (eventId, version) = await EventToActivityFlowTests.PlanAsync(client, [projectId]);
        var held = await (await client.PostAsJsonAsync($"/api/events/{eventId}/held", EventToActivityFlowTests.Attendance(20, 17, version)))
            .JsonAsync(HttpStatusCode.OK);

        // The training arrives through Events' outbox and the bus; the count follows in the same transaction.
        await Eventually.Get(async () => await PeriodsAsync(client, projectId, events.Id()) is "2015-01-01..2015-12-31=1" ? "" : null,
            "the held training counted as an event held");
        Assert.Equal(["Training for ACCOR Belgium's managers"], await SourceTitlesAsync(client, projectId, events.Id(), "2015-01-01"));
        Assert.Equal("2015-01-01..2015-12-31=37", await PeriodsAsync(client, projectId, reached.Id()));
        await AssertActualEverywhereAsync(client, projectId, events.Id(), "1");

        var corrected = await (await client.PutAsJsonAsync($"/api/events/{eventId}/attendance",
            EventToActivityFlowTests.Attendance(25, 20, held.GetProperty("version").GetUInt32()))).JsonAsync(HttpStatusCode.OK);
        await Eventually.Get(async () => await PeriodsAsync(client, projectId, reached.Id()) is "2015-01-01..2015-12-31=45" ? "" : null,
            "the corrected attendance (HeldEventUpdated) counted");
        await AssertActualEverywhereAsync(client, projectId, reached.Id(), "45");

        await (await client.PostAsJsonAsync($"/api/events/{eventId}/cancel",
            new { version = corrected.GetProperty("version").GetUInt32() })).JsonAsync(HttpStatusCode.OK);
        await Eventually.Get(async () => await PeriodsAsync(client, projectId, events.Id()) is "2015-01-01..2015-12-31=0" ? "" : null,
            "the cancelled event (EventWithdrawn) no longer counted");
        Assert.Empty(await SourceTitlesAsync(client, projectId, events.Id(), "2015-01-01"));
        Assert.Equal("2015-01-01..2015-12-31=0", await PeriodsAsync(client, projectId, reached.Id()));
        await AssertActualEverywhereAsync(client, projectId, events.Id(), "0");
        await AssertActualEverywhereAsync(client, projectId, reached.Id(), "0");
    }

    [Fact]
    public async Task A_publication_published_on_the_bus_counts_moves_with_its_date_and_drops_out_when_unlinked()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await Api.CreateProjectAsync(client, "TASEC", "2012-01-01");
        var publications = await CreateIndicatorAsync(client, projectId,
            Indicator(await ObjectiveAsync(client, projectId), "1.1", Rule("activityCount", "year", ["publication"])));
        var publicationId = Guid.NewGuid();
        var at = new DateTimeOffset(2014, 11, 20, 9, 0, 0, TimeSpan.Zero);
        PublicationPublished Gmr(DateOnly publishedOn, Guid[] projects, DateTimeOffset occurredAt) =>
            new(publicationId, "Global Monitoring Report: Belgium", PublicationType.MonitoringReport, publishedOn, ["en"], null, projects, occurredAt);

        await ConsumedProbe.PublishAndWaitAsync(app.Services, Gmr(new(2014, 11, 20), [projectId], at), "Projects");
        Assert.Equal("2014-01-01..2014-12-31=1", await PeriodsAsync(client, projectId, publications.Id()));

        await ConsumedProbe.PublishAndWaitAsync(app.Services, Gmr(new(2015, 1, 15), [projectId], at.AddDays(1)), "Projects");
        Assert.Equal("2014-01-01..2014-12-31=0; 2015-01-01..2015-12-31=1", await PeriodsAsync(client, projectId, publications.Id()));
        Assert.Equal(["Global Monitoring Report: Belgium"], await SourceTitlesAsync(client, projectId, publications.Id(), "2015-01-01"));

        await ConsumedProbe.PublishAndWaitAsync(app.Services, Gmr(new(2015, 1, 15), [], at.AddDays(2)), "Projects");
        Assert.Equal("2014-01-01..2014-12-31=0; 2015-01-01..2015-12-31=0", await PeriodsAsync(client, projectId, publications.Id()));
        await AssertActualEverywhereAsync(client, projectId, publications.Id(), "0");
    }

    [Fact]
    public async Task Imported_activities_count_in_their_periods_and_an_indicator_defined_later_counts_what_is_already_logged()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await Api.CreateProjectAsync(client, "REACT", "2015-01-01");
        var objective = await ObjectiveAsync(client, projectId);
        var monthly = await CreateIndicatorAsync(client, projectId, Indicator(objective, "1.1", Rule("activityCount", "month")));
        var csv = "date,type,title,country,professionals\n2015-06-02,training,Guardians,BE,25\n2015-06-20,workshop,Lawyers,BE,12\n"
            + "2016-01-15,training,Police,LU,30\n";
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "log.csv" },
        };
        await (await client.PostAsync($"/api/projects/{projectId}/activities/import", form)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("2015-06-01..2015-06-30=2; 2016-01-01..2016-01-31=1", await PeriodsAsync(client, projectId, monthly.Id()));
        var later = await CreateIndicatorAsync(client, projectId, Indicator(objective, "1.2", Rule("reachSum", "year", ["training"])));
        Assert.Equal("2015-01-01..2015-12-31=25; 2016-01-01..2016-12-31=30", await PeriodsAsync(client, projectId, later.Id()));
        await AssertActualEverywhereAsync(client, projectId, later.Id(), "55");

        // A changed rule counts every period again, the emptied ones at 0.
        var edited = await (await client.PutAsJsonAsync($"/api/projects/{projectId}/indicators/{later.Id()}", new Dictionary<string, object?>(
            Indicator(objective, "1.2", Rule("reachSum", "year", ["workshop"]))) { ["version"] = later.GetProperty("version").GetUInt32() }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["workshop"], edited.GetProperty("rule").GetProperty("activityTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("2015-01-01..2015-12-31=12; 2016-01-01..2016-12-31=0", await PeriodsAsync(client, projectId, later.Id()));
        await AssertActualEverywhereAsync(client, projectId, later.Id(), "12");

        // Its period length cannot change once periods are computed (Reports keeps every period it was told of).
        var relength = await client.PutAsJsonAsync($"/api/projects/{projectId}/indicators/{later.Id()}", new Dictionary<string, object?>(
            Indicator(objective, "1.2", Rule("reachSum", "quarter", ["workshop"]))) { ["version"] = edited.GetProperty("version").GetUInt32() });
        Assert.Equal(HttpStatusCode.Conflict, relength.StatusCode);
    }

    [Fact]
    public async Task Concurrent_activity_writes_to_one_period_are_all_counted()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await Api.CreateProjectAsync(client, "MARIO", "2015-01-01");
        var count = await CreateIndicatorAsync(client, projectId, Indicator(await ObjectiveAsync(client, projectId), "1.1", Rule("activityCount", "year")));

        await Task.WhenAll(Enumerable.Range(1, 12).Select(day => LogAsync(client, projectId, "workshop", $"2015-03-{day:00}", $"Workshop {day}")));

        Assert.Equal("2015-01-01..2015-12-31=12", await PeriodsAsync(client, projectId, count.Id()));
        Assert.Equal(12, (await SourceTitlesAsync(client, projectId, count.Id(), "2015-01-01")).Count);
    }

    [Fact]
    public async Task A_typed_value_on_a_rule_based_indicator_returns_400_and_writes_nothing()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await Api.CreateProjectAsync(client, "HOTEL-CODE", "2015-01-01");
        var count = await CreateIndicatorAsync(client, projectId, Indicator(await ObjectiveAsync(client, projectId), "1.1", Rule("activityCount", "year")));

        var response = await client.PostAsJsonAsync($"/api/projects/{projectId}/indicators/{count.Id()}/measurements",
            new { periodStart = "2015-01-01", periodEnd = "2015-12-31", value = 3 });

        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("counts itself", problem.GetProperty("title").GetString());
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.measurements"));
    }

    [Fact]
    public async Task Correcting_a_computed_value_by_hand_returns_409_and_keeps_the_count()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await Api.CreateProjectAsync(client, "HOTEL-CODE", "2015-01-01");
        var count = await CreateIndicatorAsync(client, projectId, Indicator(await ObjectiveAsync(client, projectId), "1.1", Rule("activityCount", "year")));
        await LogAsync(client, projectId, "training", "2015-09-08", "Training");
        var computed = Assert.Single(await MeasurementsAsync(client, projectId, count.Id()));
        Assert.True(computed.GetProperty("computed").GetBoolean());
        Assert.Equal(1, computed.GetProperty("sourceCount").GetInt32());

        var response = await client.PutAsJsonAsync($"/api/projects/{projectId}/indicators/{count.Id()}/measurements/{computed.Id()}",
            new { value = 5, version = computed.GetProperty("version").GetUInt32() });

        var problem = await response.JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("/sources", problem.GetProperty("detail").GetString());
        Assert.Equal(1m, await app.ScalarAsync<decimal>("SELECT value FROM projects.measurements"));
    }

    [Fact]
    public async Task A_typed_indicator_with_values_cannot_get_a_rule_and_a_rule_may_not_filter_reach_on_a_count()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await Api.CreateProjectAsync(client, "HOTEL-CODE", "2015-01-01");
        var objective = await ObjectiveAsync(client, projectId);
        var typed = await CreateIndicatorAsync(client, projectId, Indicator(objective, "1.1"));
        await (await client.PostAsJsonAsync($"/api/projects/{projectId}/indicators/{typed.Id()}/measurements",
            new { periodStart = "2015-01-01", periodEnd = "2015-12-31", value = 3 })).JsonAsync(HttpStatusCode.Created);

        var withRule = await client.PutAsJsonAsync($"/api/projects/{projectId}/indicators/{typed.Id()}", new Dictionary<string, object?>(
            Indicator(objective, "1.1", Rule("activityCount", "year"))) { ["version"] = typed.GetProperty("version").GetUInt32() });
        await withRule.JsonAsync(HttpStatusCode.Conflict);

        var invalid = await client.PostAsJsonAsync($"/api/projects/{projectId}/indicators",
            Indicator(objective, "1.2", new { kind = "activityCount", audiences = new[] { "children" } }));
        Assert.Equal(["rule.audiences", "rule.periodLength"], await Api.ErrorFieldsAsync(invalid));
    }
}
