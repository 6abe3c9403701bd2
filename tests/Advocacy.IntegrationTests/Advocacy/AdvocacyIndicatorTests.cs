using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using static Advocacy.IntegrationTests.Advocacy.AdvocacyKit;
using static Advocacy.IntegrationTests.Results.ResultsKit;
using PeriodsKit = Advocacy.IntegrationTests.ReportingPeriods.PeriodsKit;

namespace Advocacy.IntegrationTests.Advocacy;

/// <summary>
/// Indicators that count advocacy (ADR 0012): activities addressed to stakeholders of a kind, commitments made and
/// fulfilled; the period lock on outcome and commitment writes (ADR 0011); indicator names in three languages.
/// </summary>
public sealed class AdvocacyIndicatorTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Rule(string kind, string[]? activityTypes = null, string[]? stakeholderKinds = null) =>
        new { kind, periodLength = "year", activityTypes, stakeholderKinds };

    private static async Task<JsonElement> OutcomeAsync(HttpClient client, Guid activity, Guid[] stakeholders, object[]? commitments = null) =>
        await (await client.PostAsJsonAsync($"/api/activities/{activity}/outcome", new
        {
            stakeholders = stakeholders.Select(id => new { stakeholderId = id, response = "supportive" }).ToArray(),
            commitments,
        })).JsonAsync(HttpStatusCode.Created);

    private static Task<HttpResponseMessage> EditOutcomeAsync(HttpClient client, JsonElement outcome, Guid[] stakeholders) =>
        client.PutAsJsonAsync($"/api/activities/{outcome.GetProperty("activityId").GetGuid()}/outcome", new
        {
            stakeholders = stakeholders.Select(id => new { stakeholderId = id, response = "supportive" }).ToArray(),
            version = outcome.GetProperty("version").GetUInt32(),
        });

    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, JsonElement commitment, string status, string changedOn, string? evidence = null) =>
        client.PostAsJsonAsync($"/api/commitments/{commitment.Id()}/status",
            new { status, changedOn, evidence, version = commitment.GetProperty("version").GetUInt32() });

    private static async Task<string> PeriodsAsync(HttpClient client, Guid projectId, Guid indicatorId) =>
        Periods(await FrameworkIndicatorAsync(client, projectId, indicatorId));

    [Fact]
    public async Task Meetings_addressed_to_EU_institutions_are_counted_from_their_outcomes_and_follow_an_edited_outcome_and_a_corrected_stakeholder_kind()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var mario = await Api.CreateProjectAsync(client, "MARIO", "2016-01-01");
        var euMeetings = await CreateIndicatorAsync(client, mario, Indicator(await ObjectiveAsync(client, mario), "1.1",
            Rule("activityCount", ["meetingWithPolicyMakers"], ["euInstitution"])));
        Assert.Equal(["euInstitution"], euMeetings.GetProperty("rule").GetProperty("stakeholderKinds").EnumerateArray().Select(k => k.GetString()));
        var commission = await StakeholderIdAsync(client, "European Commission");
        // Entered by mistake as a national parliament.
        var parliament = await StakeholderAsync(client, "European Parliament", kind: "parliament");
        var brussels = await StakeholderIdAsync(client, "French-speaking Brussels Parliament", kind: "parliament", level: "regional", country: "BE");

        var withCommission = await ActivityAsync(client, mario, date: "2016-02-16", title: "Meeting with the European Commission");
        var withBoth = await ActivityAsync(client, mario, date: "2016-05-03", title: "Meeting with the European Parliament and Brussels MPs");
        await ActivityAsync(client, mario, date: "2016-06-01", title: "Meeting without an outcome yet");
        Assert.Equal("", await PeriodsAsync(client, mario, euMeetings.Id()));

        await OutcomeAsync(client, withCommission, [commission]);
        var both = await OutcomeAsync(client, withBoth, [brussels]);
        Assert.Equal("2016-01-01..2016-12-31=1", await PeriodsAsync(client, mario, euMeetings.Id()));

        // The outcome edited to name the (mis-kinded) European Parliament too: still not an EU institution.
        both = await (await EditOutcomeAsync(client, both, [brussels, parliament.Id()])).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("2016-01-01..2016-12-31=1", await PeriodsAsync(client, mario, euMeetings.Id()));

        // Its kind corrected: the meeting that addressed it now counts, in the same transaction.
        await (await client.PutAsJsonAsync($"/api/stakeholders/{parliament.Id()}", new
        {
            name = "European Parliament", kind = "euInstitution", level = "european", version = parliament.GetProperty("version").GetUInt32(),
        })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("2016-01-01..2016-12-31=2", await PeriodsAsync(client, mario, euMeetings.Id()));
        Assert.Equal(["Meeting with the European Commission", "Meeting with the European Parliament and Brussels MPs"],
            await SourceTitlesAsync(client, mario, euMeetings.Id(), "2016-01-01"));
        await AssertActualEverywhereAsync(client, mario, euMeetings.Id(), "2");

        // And an outcome edited to address only Brussels MPs drops out again.
        await (await EditOutcomeAsync(client, both, [brussels])).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("2016-01-01..2016-12-31=1", await PeriodsAsync(client, mario, euMeetings.Id()));
    }

    [Fact]
    public async Task Commitments_made_count_on_their_meeting_day_fulfilled_ones_on_the_day_they_were_kept_and_both_leave_with_a_deleted_meeting()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var mario = await Api.CreateProjectAsync(client, "MARIO", "2016-01-01");
        var objective = await ObjectiveAsync(client, mario);
        var made = await CreateIndicatorAsync(client, mario, Indicator(objective, "2.1", Rule("commitmentsMade")));
        var fulfilled = await CreateIndicatorAsync(client, mario, Indicator(objective, "2.2", Rule("commitmentsFulfilled", stakeholderKinds: ["euInstitution"])));
        var commission = await StakeholderIdAsync(client, "European Commission");
        var minister = await StakeholderIdAsync(client, "Federal Public Service Home Affairs", kind: "ministry", level: "national", country: "BE");

        var meeting = await ActivityAsync(client, mario, date: "2016-02-16");
        var outcome = await OutcomeAsync(client, meeting, [commission, minister],
        [
            new { text = "Put guardianship for unaccompanied children on the agenda.", stakeholderId = commission },
            new { text = "Answer the network's letter.", stakeholderId = minister },
        ]);
        Assert.Equal("2016-01-01..2016-12-31=2", await PeriodsAsync(client, mario, made.Id()));
        Assert.Equal("", await PeriodsAsync(client, mario, fulfilled.Id()));

        var byCommission = outcome.GetProperty("commitments").EnumerateArray().Single(c => c.GetProperty("stakeholder").GetProperty("id").GetGuid() == commission);
        var byMinister = outcome.GetProperty("commitments").EnumerateArray().Single(c => c.GetProperty("stakeholder").GetProperty("id").GetGuid() == minister);
        await (await MoveAsync(client, byCommission, "fulfilled", "2017-03-01", "On the agenda of the Council of 1 March 2017.")).JsonAsync(HttpStatusCode.OK);
        // A ministry is not an EU institution: its kept promise is not counted by 2.2.
        await (await MoveAsync(client, byMinister, "fulfilled", "2017-04-12", "The ministry's reply of 12 April.")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("2016-01-01..2016-12-31=2", await PeriodsAsync(client, mario, made.Id()));
        Assert.Equal("2017-01-01..2017-12-31=1", await PeriodsAsync(client, mario, fulfilled.Id()));
        Assert.Equal(["Meeting with the European Commission on refugee children"], await SourceTitlesAsync(client, mario, fulfilled.Id(), "2017-01-01"));
        await AssertActualEverywhereAsync(client, mario, fulfilled.Id(), "1");

        // The meeting deleted (with its outcome): both counts drop to 0, in 2016 and in 2017.
        await (await client.DeleteAsync($"/api/activities/{meeting}")).JsonAsync(HttpStatusCode.NoContent);
        Assert.Equal("2016-01-01..2016-12-31=0", await PeriodsAsync(client, mario, made.Id()));
        Assert.Equal("2017-01-01..2017-12-31=0", await PeriodsAsync(client, mario, fulfilled.Id()));
        await AssertActualEverywhereAsync(client, mario, fulfilled.Id(), "0");
    }

    [Fact]
    public async Task An_approved_period_refuses_outcome_and_commitment_writes_of_its_days_with_409_and_changes_nothing_but_takes_a_later_fulfilment()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var mario = await Api.CreateProjectAsync(client, "MARIO", "2016-01-01");
        var commission = await StakeholderIdAsync(client, "European Commission");
        var meeting = await ActivityAsync(client, mario, date: "2016-02-16");
        var bare = await ActivityAsync(client, mario, date: "2016-03-01", title: "Meeting with no outcome recorded before approval");
        var outcome = await OutcomeAsync(client, meeting, [commission], [new { text = "Raise guardianship with the Member States.", stakeholderId = commission }]);
        var commitment = outcome.GetProperty("commitments")[0];
        var period = await PeriodsKit.ApprovedPeriodAsync(app, mario, "2016-01-01", "2016-06-30");
        var rows = await RowsAsync(app);

        await PeriodsKit.AssertLockedAsync(await EditOutcomeAsync(client, outcome, [commission]), period, "MARIO");
        await PeriodsKit.AssertLockedAsync(await client.PostAsJsonAsync($"/api/activities/{bare}/outcome",
            new { stakeholders = new[] { new { stakeholderId = commission, response = "neutral" } } }), period, "MARIO");
        await PeriodsKit.AssertLockedAsync(await client.PostAsJsonAsync($"/api/activities/{meeting}/outcome/commitments",
            new { text = "Another promise made at the meeting.", stakeholderId = commission }), period, "MARIO");
        await PeriodsKit.AssertLockedAsync(await client.PutAsJsonAsync($"/api/commitments/{commitment.Id()}",
            new { text = "Reworded.", stakeholderId = commission, version = commitment.GetProperty("version").GetUInt32() }), period, "MARIO");
        // A change dated inside the approved period is refused; the same change dated after it is a new fact of its own day.
        await PeriodsKit.AssertLockedAsync(await MoveAsync(client, commitment, "inProgress", "2016-05-01"), period, "MARIO");
        Assert.Equal(rows, await RowsAsync(app));
        Assert.Equal("made", (await client.GetFromJsonAsync<JsonElement>($"/api/commitments/{commitment.Id()}")).GetProperty("status").GetString());

        var moved = await (await MoveAsync(client, commitment, "fulfilled", "2016-09-15", "On the Council's agenda of 15 September."))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("fulfilled", moved.GetProperty("status").GetString());
        // Follow-ups are the team's to-do list, not reported figures: no lock.
        await (await client.PostAsJsonAsync($"/api/activities/{meeting}/outcome/follow-ups",
            new { action = "Thank the Commission for the agenda item.", ownerUserId = await MeAsync(client), dueDate = "2016-10-01" }))
            .JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_indicator_name_is_returned_in_the_language_asked_for_by_Projects_and_by_Reports()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var react = await Api.CreateProjectAsync(client, "REACT", "2015-01-01");
        var body = Indicator(await ObjectiveAsync(client, react), "1.1");
        body["name"] = "Leaflets handed to unaccompanied minors";
        body["nameTranslations"] = new Dictionary<string, string>
        {
            ["fr"] = "Dépliants remis aux mineurs étrangers non accompagnés",
            ["nl"] = "Folders uitgedeeld aan niet-begeleide minderjarige vreemdelingen",
        };
        var indicator = await CreateIndicatorAsync(client, react, body);
        Assert.Equal("Leaflets handed to unaccompanied minors", indicator.GetProperty("defaultName").GetString());
        Assert.Equal(2, indicator.GetProperty("nameTranslations").EnumerateObject().Count());

        using var french = new HttpRequestMessage(HttpMethod.Get, $"/api/projects/{react}/results-framework");
        french.Headers.AcceptLanguage.ParseAdd("fr-BE,fr;q=0.9");
        var framework = await (await client.SendAsync(french)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Dépliants remis aux mineurs étrangers non accompagnés",
            framework.GetProperty("objectives")[0].GetProperty("indicators")[0].GetProperty("name").GetString());

        var dutch = await Eventually.Get(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/projects/{react}/indicators");
            request.Headers.AcceptLanguage.ParseAdd("nl");
            var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.OK) return null;
            var rows = await response.Content.ReadFromJsonAsync<JsonElement>();
            return rows.GetArrayLength() == 1 ? rows[0].GetProperty("name").GetString() : null;
        }, "the indicator in Reports");
        Assert.Equal("Folders uitgedeeld aan niet-begeleide minderjarige vreemdelingen", dutch);
        Assert.Equal("Leaflets handed to unaccompanied minors", (await client.GetFromJsonAsync<JsonElement>($"/api/reports/projects/{react}/indicators"))[0]
            .GetProperty("name").GetString());

        body["nameTranslations"] = new Dictionary<string, string> { ["de"] = "Faltblätter" };
        await AssertBadFieldAsync(await client.PostAsJsonAsync($"/api/projects/{react}/indicators", body), "nameTranslations");
    }
}
