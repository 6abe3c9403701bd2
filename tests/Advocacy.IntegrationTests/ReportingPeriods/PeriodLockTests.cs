using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using static Advocacy.IntegrationTests.ReportingPeriods.PeriodsKit;

namespace Advocacy.IntegrationTests.ReportingPeriods;

/// <summary>
/// An approved period locks the activities dated in it and the measurements whose period ends in it:
/// every write through the API gets 409 naming the lock and changes nothing (rows, outbox); after an
/// admin unlocks it the same write goes through; writes outside it, or to a period not yet approved, never stop.
/// </summary>
public sealed class PeriodLockTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string ImportHeader = "date,type,title,place,country,policy_makers";

    /// <summary>REACT with an activity inside the first semester of 2019 and one after it; then that semester approved.</summary>
    private async Task<(HttpClient Staff, Guid ProjectId, JsonElement Period, JsonElement Inside, JsonElement Outside)> LockedReactAsync()
    {
        var staff = await app.ClientAsync(Roles.Staff);
        var projectId = await Api.CreateProjectAsync(staff, "REACT", "2018-01-01", "2020-12-31");
        var inside = await LogAsync(staff, projectId, "2019-03-01", "Presentation to the Council of Europe");
        var outside = await LogAsync(staff, projectId, "2019-09-10", "Leaflet launch in 13 languages");
        var period = await ApprovedPeriodAsync(app, projectId, "2019-01-01", "2019-06-30");
        return (staff, projectId, period, inside, outside);
    }

    /// <summary>Everything a write could leave behind: activities (and their state), measurements, and the outbox.</summary>
    private Task<string> StateAsync() => app.ScalarAsync<string>(
        """
        SELECT concat_ws(' | ',
            (SELECT string_agg(concat_ws(',', id, date, title, deleted_at, xmin), ';' ORDER BY id) FROM projects.activities),
            (SELECT string_agg(concat_ws(',', id, period_end, value, xmin), ';' ORDER BY id) FROM projects.measurements),
            (SELECT count(*) FROM projects.outbox_messages WHERE type NOT LIKE '%ReportingPeriod%'))
        """);

    private static HttpContent Csv(params string[] rows)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join("\n", [ImportHeader, .. rows])));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "activities.csv");
        return form;
    }

    private static object Edit(JsonElement activity, string date, string title) => new
    {
        type = "meetingWithPolicyMakers", date, title, version = activity.GetProperty("version").GetUInt32(),
    };

    [Fact]
    public async Task Logging_an_activity_in_a_locked_period_returns_409_naming_the_lock_and_writes_nothing()
    {
        var (staff, projectId, period, _, _) = await LockedReactAsync();
        var before = await StateAsync();

        await AssertLockedAsync(await staff.PostAsJsonAsync($"/api/projects/{projectId}/activities", Meeting("2019-06-30")), period, "REACT");
        await AssertLockedAsync(await staff.PostAsJsonAsync($"/api/projects/{projectId}/activities", Meeting("2019-01-01")), period, "REACT");

        Assert.Equal(before, await StateAsync());
        await LogAsync(staff, projectId, "2019-07-01");
        await LogAsync(staff, projectId, "2018-12-31");
    }

    [Fact]
    public async Task Editing_deleting_or_moving_an_activity_into_or_out_of_a_locked_period_returns_409_and_changes_nothing()
    {
        var (staff, projectId, period, inside, outside) = await LockedReactAsync();
        var before = await StateAsync();

        // Edited in place, moved out, deleted; and one from outside moved in.
        await AssertLockedAsync(await staff.PutAsJsonAsync($"/api/activities/{inside.Id()}", Edit(inside, "2019-03-01", "Renamed")), period, "REACT");
        await AssertLockedAsync(await staff.PutAsJsonAsync($"/api/activities/{inside.Id()}", Edit(inside, "2019-07-15", "Moved out")), period, "REACT");
        await AssertLockedAsync(await staff.DeleteAsync($"/api/activities/{inside.Id()}"), period, "REACT");
        await AssertLockedAsync(await staff.PutAsJsonAsync($"/api/activities/{outside.Id()}", Edit(outside, "2019-05-15", "Moved in")), period, "REACT");

        Assert.Equal(before, await StateAsync());
        var unchanged = await (await staff.GetAsync($"/api/activities/{inside.Id()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Presentation to the Council of Europe", "2019-03-01"), (unchanged.GetProperty("title").GetString(), unchanged.GetProperty("date").GetString()));
        // Outside the period, the same kind of edit goes through.
        await (await staff.PutAsJsonAsync($"/api/activities/{outside.Id()}", Edit(outside, "2019-10-01", "Leaflet launch"))).JsonAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?goodRowsOnly=true")]
    public async Task An_import_with_rows_in_a_locked_period_is_refused_whole_listing_those_rows(string query)
    {
        var (staff, projectId, period, _, _) = await LockedReactAsync();
        var before = await StateAsync();

        var response = await staff.PostAsync($"/api/projects/{projectId}/activities/import{query}", Csv(
            "2019-08-01,meetingWithPolicyMakers,Meeting the Brussels Parliament,Brussels,BE,4",
            "2019-04-02,workshop,Workshop with guardians,Brussels,BE,",
            "2019-10-01,publication,,Brussels,BE,",
            "2019-06-30,training,Training for social workers,Liège,BE,"));

        var problem = await AssertLockedAsync(response, period, "REACT");
        Assert.Equal(0, problem.GetProperty("importedCount").GetInt32());
        var rows = problem.GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString()))
            .ToList();
        // The rows in the locked period, and the file's other error, so one round of corrections clears them all.
        Assert.Equal([(3, "date"), (4, "title"), (5, "date")], rows);
        Assert.Contains("2019-01-01 – 2019-06-30", problem.GetProperty("rows")[0].GetProperty("message").GetString());
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task Recording_or_correcting_a_measurement_whose_period_ends_in_a_locked_period_returns_409_and_changes_nothing()
    {
        var staff = await app.ClientAsync(Roles.Staff);
        var projectId = await Api.CreateProjectAsync(staff, "REACT", "2018-01-01", "2020-12-31");
        var indicator = await IndicatorAsync(staff, projectId);
        var recorded = await (await RecordAsync(staff, projectId, indicator, "2019-01-01", "2019-06-30", 1200, "children")).JsonAsync(HttpStatusCode.Created);
        var period = await ApprovedPeriodAsync(app, projectId, "2019-01-01", "2019-06-30");
        var before = await StateAsync();

        // A measurement belongs to the period its own period ends in: a year ending in June is in it, one ending in July is not.
        await AssertLockedAsync(await RecordAsync(staff, projectId, indicator, "2019-01-01", "2019-06-30", 300, "professionals"), period, "REACT");
        await AssertLockedAsync(await RecordAsync(staff, projectId, indicator, "2018-07-01", "2019-06-30", 2000), period, "REACT");
        await AssertLockedAsync(await staff.PutAsJsonAsync($"{MeasurementsOf(projectId, indicator)}/{recorded.Id()}",
            new { value = 1250, version = recorded.GetProperty("version").GetUInt32() }), period, "REACT");

        Assert.Equal(before, await StateAsync());
        await (await RecordAsync(staff, projectId, indicator, "2019-01-01", "2019-07-31", 2500)).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Recording_a_periods_total_and_parts_in_a_locked_period_returns_409_and_changes_nothing()
    {
        var staff = await app.ClientAsync(Roles.Staff);
        var projectId = await Api.CreateProjectAsync(staff, "GOLONDRINA", "2018-01-01", "2020-12-31");
        var set = await (await staff.PostAsJsonAsync("/api/disaggregation-sets",
            new { name = "Students and teachers", dimension = "audience", categories = new[] { "children", "professionals" } })).JsonAsync(HttpStatusCode.Created);
        var objective = await (await staff.PostAsJsonAsync($"/api/projects/{projectId}/objectives", new { code = "O1", title = "Schools know the risks" }))
            .JsonAsync(HttpStatusCode.Created);
        var indicator = await (await staff.PostAsJsonAsync($"/api/projects/{projectId}/indicators", new
        {
            objectiveId = objective.Id(), code = "1.1", name = "Students and teachers reached", unit = "people", direction = "increase",
            aggregation = "cumulative", baseline = 0, target = 2480, frequency = "semiAnnual", disaggregationSetIds = new[] { set.Id() },
        })).JsonAsync(HttpStatusCode.Created);
        var period = await ApprovedPeriodAsync(app, projectId, "2019-01-01", "2019-06-30");
        var before = await StateAsync();

        var response = await staff.PostAsJsonAsync($"{MeasurementsOf(projectId, indicator.Id())}/period", new
        {
            periodStart = "2019-01-01", periodEnd = "2019-06-30", total = 2480,
            parts = new[] { new { audience = "children", value = 2100 }, new { audience = "professionals", value = 380 } },
        });

        await AssertLockedAsync(response, period, "GOLONDRINA");
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task After_an_admin_unlocks_the_period_the_same_writes_go_through()
    {
        var (staff, projectId, period, inside, outside) = await LockedReactAsync();
        var indicator = await IndicatorAsync(staff, projectId);
        await UnlockAsync(app, projectId, period.Id());

        await LogAsync(staff, projectId, "2019-06-30");
        var edited = await (await staff.PutAsJsonAsync($"/api/activities/{inside.Id()}", Edit(inside, "2019-03-02", "Presentation, Strasbourg")))
            .JsonAsync(HttpStatusCode.OK);
        await (await staff.PutAsJsonAsync($"/api/activities/{outside.Id()}", Edit(outside, "2019-05-15", "Moved in"))).JsonAsync(HttpStatusCode.OK);
        await (await staff.DeleteAsync($"/api/activities/{edited.Id()}")).JsonAsync(HttpStatusCode.NoContent);
        var imported = await (await staff.PostAsync($"/api/projects/{projectId}/activities/import",
            Csv("2019-04-02,workshop,Workshop with guardians,Brussels,BE,"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, imported.GetProperty("importedCount").GetInt32());
        var measurement = await (await RecordAsync(staff, projectId, indicator, "2019-01-01", "2019-06-30", 1200)).JsonAsync(HttpStatusCode.Created);
        await (await staff.PutAsJsonAsync($"{MeasurementsOf(projectId, indicator)}/{measurement.Id()}",
            new { value = 1250, version = measurement.GetProperty("version").GetUInt32() })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(3L, await app.ScalarAsync<long>(
            "SELECT count(*) FROM projects.activities WHERE deleted_at IS NULL AND date BETWEEN '2019-01-01' AND '2019-06-30'"));
    }

    [Fact]
    public async Task Logs_racing_an_approval_either_land_before_it_or_are_refused_none_slips_in_after()
    {
        var staff = await app.ClientAsync(Roles.Staff);
        var manager = await app.ClientAsync(Roles.Manager);
        var projectId = await Api.CreateProjectAsync(staff, "REACT", "2018-01-01", "2020-12-31");
        var period = await CreatePeriodAsync(staff, projectId, "2019-01-01", "2019-06-30");
        await (await StepAsync(staff, projectId, period.Id(), "submit")).JsonAsync(HttpStatusCode.OK);

        var logs = Enumerable.Range(1, 24).Select(i =>
            staff.PostAsJsonAsync($"/api/projects/{projectId}/activities", Meeting($"2019-03-{i:00}", $"Meeting {i}"))).ToList();
        var approval = StepAsync(manager, projectId, period.Id(), "approve");
        var responses = await Task.WhenAll(logs);
        await (await approval).JsonAsync(HttpStatusCode.OK);

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Equal((long)responses.Count(r => r.StatusCode == HttpStatusCode.Created), await app.ScalarAsync<long>("SELECT count(*) FROM projects.activities"));
        // Every activity the approval covers was logged before it was given.
        Assert.Equal(0L, await app.ScalarAsync<long>(
            "SELECT count(*) FROM projects.activities a JOIN projects.reporting_periods p ON a.project_id = p.project_id WHERE a.logged_at > p.approved_at"));
        await AssertLockedAsync(await staff.PostAsJsonAsync($"/api/projects/{projectId}/activities", Meeting("2019-03-30")), period, "REACT");
    }

    [Fact]
    public async Task A_submitted_or_returned_period_does_not_lock_and_another_projects_approved_period_does_not_either()
    {
        var staff = await app.ClientAsync(Roles.Staff);
        var manager = await app.ClientAsync(Roles.Manager);
        var react = await Api.CreateProjectAsync(staff, "REACT", "2018-01-01");
        var mario = await Api.CreateProjectAsync(staff, "MARIO", "2018-01-01");
        await ApprovedPeriodAsync(app, mario, "2019-01-01", "2019-06-30");
        var period = await CreatePeriodAsync(staff, react, "2019-01-01", "2019-06-30");
        await (await StepAsync(staff, react, period.Id(), "submit")).JsonAsync(HttpStatusCode.OK);

        await LogAsync(staff, react, "2019-03-01");
        await (await StepAsync(manager, react, period.Id(), "return", new { comment = "Add the March workshop." })).JsonAsync(HttpStatusCode.OK);
        await LogAsync(staff, react, "2019-03-15");
    }
}
