using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.Modules.Events.Contracts;
using Advocacy.Modules.Projects.Contracts;
using static Advocacy.IntegrationTests.ReportingPeriods.PeriodsKit;

namespace Advocacy.IntegrationTests.ReportingPeriods;

/// <summary>
/// A rule-based indicator's value belongs to the reporting period its own period ends in, like a typed one.
/// While that period is approved, a write that would recount the value (an activity on an open day that the
/// rule counts into it, a rule defined or changed) is refused; a message from another module that does so is
/// applied and noted on the period with the value before and after.
/// </summary>
public sealed class ComputedValuesLockTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static object YearlyCount(string type) => new { kind = "activityCount", periodLength = "year", activityTypes = new[] { type } };

    private static async Task<JsonElement> IndicatorAsync(HttpClient client, Guid projectId, Guid objectiveId, string code, object rule) =>
        await (await client.PostAsJsonAsync($"/api/projects/{projectId}/indicators", new
        {
            objectiveId, code, name = $"Indicator {code}", unit = "trainings", direction = "increase", aggregation = "cumulative",
            baseline = 0, target = 10, frequency = "annual", rule,
        })).JsonAsync(HttpStatusCode.Created);

    private Task<string> ComputedAsync() => app.ScalarAsync<string>(
        "SELECT coalesce(string_agg(concat_ws(',', period_start, period_end, value, xmin), ';' ORDER BY period_start), '') FROM projects.measurements");

    /// <summary>
    /// HOTEL-CODE from 2019 with a yearly count of trainings (2019 ends on 31 December), one training in September,
    /// and the second half of 2019 approved: the 2019 value (1) belongs to it.
    /// </summary>
    private async Task<(HttpClient Staff, Guid ProjectId, Guid ObjectiveId, JsonElement Period)> SecondHalfApprovedAsync()
    {
        var staff = await app.ClientAsync(Roles.Staff);
        var projectId = await Api.CreateProjectAsync(staff, "HOTEL-CODE", "2019-01-01", "2020-12-31");
        var objective = await (await staff.PostAsJsonAsync($"/api/projects/{projectId}/objectives", new { code = "O1", title = "Hotel staff trained" }))
            .JsonAsync(HttpStatusCode.Created);
        await IndicatorAsync(staff, projectId, objective.Id(), "1.1", YearlyCount("training"));
        var september = Meeting("2019-09-10", "Training for ACCOR Belgium's managers");
        september["type"] = "training";
        await (await staff.PostAsJsonAsync($"/api/projects/{projectId}/activities", september)).JsonAsync(HttpStatusCode.Created);
        var period = await ApprovedPeriodAsync(app, projectId, "2019-07-01", "2019-12-31");
        return (staff, projectId, objective.Id(), period);
    }

    [Fact]
    public async Task An_activity_on_an_open_day_that_would_recount_a_value_of_an_approved_period_returns_409_and_changes_nothing()
    {
        var (staff, projectId, _, period) = await SecondHalfApprovedAsync();
        var before = await ComputedAsync();
        var activities = await app.ScalarAsync<long>("SELECT count(*) FROM projects.activities");

        var march = Meeting("2019-03-05", "Training for receptionists");
        march["type"] = "training";
        var problem = await AssertLockedAsync(await staff.PostAsJsonAsync($"/api/projects/{projectId}/activities", march), period, "HOTEL-CODE");

        Assert.Contains("indicator 1.1's value for 2019-01-01 – 2019-12-31", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await ComputedAsync());
        Assert.Equal(activities, await app.ScalarAsync<long>("SELECT count(*) FROM projects.activities"));
        // What the rule does not count changes no value, and goes through.
        await LogAsync(staff, projectId, "2019-03-06", "Meeting the Brussels Parliament");
    }

    [Fact]
    public async Task A_rule_that_would_count_into_an_approved_period_is_refused_and_one_that_counts_nothing_there_is_not()
    {
        var (staff, projectId, objectiveId, period) = await SecondHalfApprovedAsync();
        var before = await ComputedAsync();

        var response = await staff.PostAsJsonAsync($"/api/projects/{projectId}/indicators", new
        {
            objectiveId, code = "1.2", name = "Trainings held", unit = "trainings", direction = "increase", aggregation = "cumulative",
            baseline = 0, target = 10, frequency = "annual", rule = YearlyCount("training"),
        });

        await AssertLockedAsync(response, period, "HOTEL-CODE");
        Assert.Equal(before, await ComputedAsync());
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.indicators"));
        await IndicatorAsync(staff, projectId, objectiveId, "1.3", YearlyCount("publication"));
    }

    [Fact]
    public async Task A_held_event_that_recounts_a_value_of_an_approved_period_is_applied_and_noted_with_the_value_before_and_after()
    {
        var (staff, projectId, _, period) = await SecondHalfApprovedAsync();

        await ConsumedProbe.PublishAndWaitAsync(app.Services, new EventHeld(new HeldEventDetails(
            Guid.NewGuid(), "Training for hotel receptionists", EventKind.Training, [new DateOnly(2019, 3, 5)], "Brussels", "BE",
            Online: false, OrganisedByUs: true, [projectId], [new ReachCount(Audience.Professionals, null, 14)]),
            new DateTimeOffset(2019, 3, 6, 9, 0, 0, TimeSpan.Zero)), "Projects");

        Assert.Equal(2L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.activities"));
        var noted = await GetPeriodAsync(staff, projectId, period.Id());
        var change = Assert.Single(noted.GetProperty("changesAfterApproval").EnumerateArray().ToList());
        Assert.Equal(("recounted", "Indicator 1.1, 2019-01-01 – 2019-12-31: 1 → 2", "2019-12-31"),
            (change.GetProperty("kind").GetString(), change.GetProperty("title").GetString(), change.GetProperty("date").GetString()));
        Assert.Equal(1, noted.GetProperty("changedAfterApproval").GetInt32());
    }
}
