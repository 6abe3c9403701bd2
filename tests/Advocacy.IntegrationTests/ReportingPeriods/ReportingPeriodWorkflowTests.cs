using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using static Advocacy.IntegrationTests.ReportingPeriods.PeriodsKit;

namespace Advocacy.IntegrationTests.ReportingPeriods;

/// <summary>
/// A project's reporting periods: staff create and submit, a manager approves or returns with a comment,
/// only an admin unlocks with a reason; each step dated in the period's history, approval and unlock
/// published through Projects' outbox and heard by Reports on the real bus.
/// </summary>
public sealed class ReportingPeriodWorkflowTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(HttpClient Staff, Guid ProjectId)> ReactAsync()
    {
        var staff = await app.ClientAsync(Roles.Staff);
        return (staff, await Api.CreateProjectAsync(staff, "REACT", "2018-01-01", "2020-12-31"));
    }

    private Task<long> OutboxAsync(string type) =>
        app.ScalarAsync<long>("SELECT count(*) FROM projects.outbox_messages WHERE type LIKE $1", $"Advocacy.Modules.Projects.Contracts.{type},%");

    private static List<(string? From, string To, string ByName, string? Comment)> History(JsonElement period) =>
        period.GetProperty("history").EnumerateArray()
            .Select(e => (e.GetProperty("from").GetString(), e.GetProperty("to").GetString()!, e.GetProperty("byName").GetString()!,
                e.GetProperty("comment").GetString()))
            .ToList();

    [Fact]
    public async Task Staff_submit_a_manager_approves_only_an_admin_unlocks_with_a_reason_and_the_history_keeps_every_step()
    {
        var (staff, projectId) = await ReactAsync();
        var manager = await app.ClientAsync(Roles.Manager);
        var admin = await app.ClientAsync(Roles.Admin);

        var created = await CreatePeriodAsync(staff, projectId, "2019-01-01", "2019-06-30");
        Assert.Equal(("draft", false, "REACT"), (created.Status(), created.GetProperty("locked").GetBoolean(), created.GetProperty("projectCode").GetString()));
        var periodId = created.Id();

        await (await StepAsync(staff, projectId, periodId, "submit", new { comment = "All semester-one activities are in." })).JsonAsync(HttpStatusCode.OK);
        await (await StepAsync(staff, projectId, periodId, "approve")).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal("submitted", (await GetPeriodAsync(staff, projectId, periodId)).Status());

        var approved = await (await StepAsync(manager, projectId, periodId, "approve")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("approved", true, 1), (approved.Status(), approved.GetProperty("locked").GetBoolean(), approved.GetProperty("approvalRound").GetInt32()));
        Assert.Equal(1L, await OutboxAsync("ReportingPeriodApproved"));
        await Eventually.Get(async () =>
            await app.ScalarAsync<long>("SELECT count(*) FROM reports.approved_periods WHERE period_id = $1 AND approved", periodId) == 1 ? "" : null,
            "Reports to hear ReportingPeriodApproved");

        await (await StepAsync(staff, projectId, periodId, "unlock", new { reason = "Typo" })).JsonAsync(HttpStatusCode.Forbidden);
        await (await StepAsync(manager, projectId, periodId, "unlock", new { reason = "Typo" })).JsonAsync(HttpStatusCode.Forbidden);
        var noReason = await (await StepAsync(admin, projectId, periodId, "unlock", new { reason = " " })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], noReason.ErrorFields());
        Assert.Equal("approved", (await GetPeriodAsync(staff, projectId, periodId)).Status());
        Assert.Equal(0L, await OutboxAsync("ReportingPeriodUnlocked"));

        var unlocked = await (await StepAsync(admin, projectId, periodId, "unlock",
            new { reason = "The Council of Europe presentation of 1 March was logged twice." })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(("draft", false), (unlocked.Status(), unlocked.GetProperty("locked").GetBoolean()));
        Assert.Equal(
            [
                (null, "draft", "staff@demo.advocacy.local", null),
                ("draft", "submitted", "staff@demo.advocacy.local", "All semester-one activities are in."),
                ("submitted", "approved", "manager@demo.advocacy.local", null),
                ("approved", "draft", "admin@demo.advocacy.local", "The Council of Europe presentation of 1 March was logged twice."),
            ],
            History(unlocked));
        var at = unlocked.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(at.Order(), at);
        Assert.Equal(1L, await OutboxAsync("ReportingPeriodUnlocked"));
        var payload = await app.ScalarAsync<string>("SELECT payload::text FROM projects.outbox_messages WHERE type LIKE '%ReportingPeriodUnlocked%'");
        Assert.Contains("logged twice", payload);
        await Eventually.Get(async () =>
            await app.ScalarAsync<long>("SELECT count(*) FROM reports.approved_periods WHERE period_id = $1 AND NOT approved", periodId) == 1 ? "" : null,
            "Reports to hear ReportingPeriodUnlocked");
    }

    [Fact]
    public async Task A_manager_returns_a_period_with_a_required_comment_and_staff_submit_it_again()
    {
        var (staff, projectId) = await ReactAsync();
        var manager = await app.ClientAsync(Roles.Manager);
        var periodId = (await CreatePeriodAsync(staff, projectId, "2019-01-01", "2019-06-30")).Id();
        await (await StepAsync(staff, projectId, periodId, "submit")).JsonAsync(HttpStatusCode.OK);

        await (await StepAsync(staff, projectId, periodId, "return", new { comment = "Reach missing" })).JsonAsync(HttpStatusCode.Forbidden);
        var noComment = await (await StepAsync(manager, projectId, periodId, "return", new { })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["comment"], noComment.ErrorFields());

        var returned = await (await StepAsync(manager, projectId, periodId, "return",
            new { comment = "The leaflet distribution in Brussels has no reach figures." })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("returned", false), (returned.Status(), returned.GetProperty("locked").GetBoolean()));
        Assert.Equal(("submitted", "returned", "manager@demo.advocacy.local", "The leaflet distribution in Brussels has no reach figures."), History(returned)[^1]);

        var resubmitted = await (await StepAsync(staff, projectId, periodId, "submit", new { comment = "Reach added." })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("submitted", resubmitted.Status());
        Assert.Equal(0L, await OutboxAsync("ReportingPeriodApproved"));
    }

    [Theory]
    [InlineData("approve", "draft")]
    [InlineData("return", "draft")]
    [InlineData("unlock", "draft")]
    [InlineData("submit", "approved")]
    [InlineData("approve", "approved")]
    [InlineData("return", "approved")]
    public async Task A_step_the_workflow_does_not_allow_from_the_current_status_returns_409_and_changes_nothing(string step, string status)
    {
        var (staff, projectId) = await ReactAsync();
        var period = status == "approved"
            ? await ApprovedPeriodAsync(app, projectId, "2019-01-01", "2019-06-30")
            : await CreatePeriodAsync(staff, projectId, "2019-01-01", "2019-06-30");
        var admin = await app.ClientAsync(Roles.Admin);

        var problem = await (await StepAsync(admin, projectId, period.Id(), step, new { comment = "c", reason = "r" })).JsonAsync(HttpStatusCode.Conflict);

        Assert.Contains($"is {status}", problem.GetProperty("detail").GetString());
        var after = await GetPeriodAsync(staff, projectId, period.Id());
        Assert.Equal((status, period.GetProperty("history").GetArrayLength()), (after.Status(), after.GetProperty("history").GetArrayLength()));
    }

    [Fact]
    public async Task A_period_overlapping_another_of_the_project_returns_409_naming_it_and_another_projects_periods_do_not_count()
    {
        var (staff, projectId) = await ReactAsync();
        var mario = await Api.CreateProjectAsync(staff, "MARIO", "2018-01-01");
        await CreatePeriodAsync(staff, projectId, "2019-01-01", "2019-06-30");

        foreach (var (from, to) in new[] { ("2019-06-30", "2019-12-31"), ("2018-07-01", "2019-01-01"), ("2019-02-01", "2019-03-31"), ("2018-01-01", "2020-12-31") })
        {
            var problem = await (await staff.PostAsJsonAsync(PeriodsOf(projectId), new { from, to })).JsonAsync(HttpStatusCode.Conflict);
            Assert.Contains("2019-01-01 – 2019-06-30 of REACT overlaps", problem.GetProperty("detail").GetString());
        }

        await CreatePeriodAsync(staff, projectId, "2019-07-01", "2019-12-31");
        await CreatePeriodAsync(staff, mario, "2019-01-01", "2019-06-30");
        Assert.Equal(3L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.reporting_periods"));
    }

    [Fact]
    public async Task Concurrent_overlapping_periods_let_exactly_one_in()
    {
        var (staff, projectId) = await ReactAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            staff.PostAsJsonAsync(PeriodsOf(projectId), new { from = $"2019-0{i + 1}-01", to = "2019-12-31" })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.reporting_periods"));
    }

    [Theory]
    [InlineData("2019-06-30", "2019-01-01", "to")]
    [InlineData(null, "2019-06-30", "from")]
    [InlineData("2016-01-01", "2017-12-31", "from")]
    [InlineData("2021-01-01", "2021-06-30", "from")]
    [InlineData("2018-01-01", "2023-12-31", "to")]
    public async Task A_period_that_runs_backwards_misses_the_project_or_is_too_long_returns_400_and_writes_nothing(string? from, string to, string field)
    {
        var (staff, projectId) = await ReactAsync();

        var problem = await (await staff.PostAsJsonAsync(PeriodsOf(projectId), new { from, to })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.ErrorFields());
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.reporting_periods"));
    }

    [Fact]
    public async Task A_period_may_start_before_the_project_as_a_calendar_year_does()
    {
        var staff = await app.ClientAsync(Roles.Staff);
        var projectId = await Api.CreateProjectAsync(staff, "GOLONDRINA", "2010-03-15", "2014-12-31");

        await CreatePeriodAsync(staff, projectId, "2010-01-01", "2010-12-31");
        await CreatePeriodAsync(staff, projectId, "2014-07-01", "2015-06-30");
    }

    [Fact]
    public async Task A_period_that_has_not_ended_cannot_be_submitted()
    {
        var staff = await app.ClientAsync(Roles.Staff);
        var projectId = await Api.CreateProjectAsync(staff, "REACT", "2018-01-01");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var period = await CreatePeriodAsync(staff, projectId, today.AddMonths(-3).ToString("yyyy-MM-dd"), today.AddMonths(3).ToString("yyyy-MM-dd"));

        var problem = await (await StepAsync(staff, projectId, period.Id(), "submit")).JsonAsync(HttpStatusCode.Conflict);

        Assert.Contains("has not ended yet", problem.GetProperty("detail").GetString());
        Assert.Equal("draft", (await GetPeriodAsync(staff, projectId, period.Id())).Status());
    }

    [Fact]
    public async Task Managers_see_what_awaits_approval_across_projects()
    {
        var (staff, react) = await ReactAsync();
        var manager = await app.ClientAsync(Roles.Manager);
        var mario = await Api.CreateProjectAsync(staff, "MARIO", "2018-01-01");
        var golondrina = await Api.CreateProjectAsync(staff, "GOLONDRINA", "2018-01-01");
        foreach (var project in new[] { react, mario })
        {
            var period = await CreatePeriodAsync(staff, project, "2019-01-01", "2019-06-30");
            await (await StepAsync(staff, project, period.Id(), "submit")).JsonAsync(HttpStatusCode.OK);
        }
        await CreatePeriodAsync(staff, golondrina, "2019-01-01", "2019-06-30");
        await ApprovedPeriodAsync(app, react, "2018-07-01", "2018-12-31");

        var awaiting = await (await manager.GetAsync("/api/reporting-periods?status=submitted")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, awaiting.GetProperty("totalCount").GetInt32());
        Assert.Equal(["MARIO", "REACT"], awaiting.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("projectCode").GetString()!).ToArray());

        var all = await (await manager.GetAsync("/api/reporting-periods")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(4, all.GetProperty("totalCount").GetInt32());
        Assert.Equal("2018-07-01", all.GetProperty("items")[0].GetProperty("from").GetString());
        var reacts = await (await staff.GetAsync(PeriodsOf(react))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["approved", "submitted"], reacts.GetProperty("items").EnumerateArray().Select(p => p.Status()).ToArray());

        var bad = await (await manager.GetAsync("/api/reporting-periods?status=closed&pageSize=1000")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["pageSize", "status"], bad.ErrorFields());
    }

    [Fact]
    public async Task A_draft_made_by_mistake_can_be_deleted_but_a_period_once_approved_stays()
    {
        var (staff, projectId) = await ReactAsync();
        var draft = await CreatePeriodAsync(staff, projectId, "2019-01-01", "2019-03-31");
        var approved = await ApprovedPeriodAsync(app, projectId, "2019-07-01", "2019-12-31");
        await UnlockAsync(app, projectId, approved.Id());

        await (await staff.DeleteAsync(PeriodUrl(projectId, draft.Id()))).JsonAsync(HttpStatusCode.NoContent);
        var problem = await (await staff.DeleteAsync(PeriodUrl(projectId, approved.Id()))).JsonAsync(HttpStatusCode.Conflict);

        Assert.Contains("approved before", problem.GetProperty("detail").GetString());
        await (await staff.GetAsync(PeriodUrl(projectId, draft.Id()))).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.reporting_periods"));
        Assert.Equal(4L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.reporting_period_history"));
    }

    [Fact]
    public async Task A_period_of_another_project_or_an_unknown_one_is_404()
    {
        var (staff, projectId) = await ReactAsync();
        var mario = await Api.CreateProjectAsync(staff, "MARIO", "2018-01-01");
        var period = await CreatePeriodAsync(staff, projectId, "2019-01-01", "2019-06-30");

        await (await staff.GetAsync(PeriodUrl(mario, period.Id()))).JsonAsync(HttpStatusCode.NotFound);
        await (await StepAsync(staff, mario, period.Id(), "submit")).JsonAsync(HttpStatusCode.NotFound);
        await (await staff.GetAsync(PeriodsOf(Guid.NewGuid()))).JsonAsync(HttpStatusCode.NotFound);
        await (await staff.PostAsJsonAsync(PeriodsOf(Guid.NewGuid()), new { from = "2019-01-01", to = "2019-06-30" })).JsonAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_step_sent_with_a_stale_version_returns_409()
    {
        var (staff, projectId) = await ReactAsync();
        var period = await CreatePeriodAsync(staff, projectId, "2019-01-01", "2019-06-30");
        var version = period.GetProperty("version").GetUInt32();
        await (await StepAsync(staff, projectId, period.Id(), "submit", new { version })).JsonAsync(HttpStatusCode.OK);

        var manager = await app.ClientAsync(Roles.Manager);
        await (await StepAsync(manager, projectId, period.Id(), "approve", new { version })).JsonAsync(HttpStatusCode.Conflict);

        Assert.Equal("submitted", (await GetPeriodAsync(staff, projectId, period.Id())).Status());
    }
}
