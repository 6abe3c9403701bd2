using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Advocacy.IntegrationTests.Advocacy;
using Advocacy.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Advocacy.IntegrationTests.Browser;

/// <summary>The advocacy pages in a real browser: an activity's outcome, follow-ups due, stakeholders.</summary>
public sealed class AdvocacyPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private AdvocacyApp App => browser.App;

    /// <summary>A project, an EU stakeholder named uniquely, and a meeting with policy makers (16 February 2016).</summary>
    private async Task<(Guid Project, Guid Stakeholder, Guid Activity)> MeetingAsync(string code, string stakeholder)
    {
        var staff = await App.ClientAsync("staff");
        var projectId = await Api.CreateProjectAsync(staff, code);
        var stakeholderId = await AdvocacyKit.StakeholderIdAsync(staff, $"{stakeholder} {Guid.NewGuid():N}"[..(stakeholder.Length + 9)]);
        var activityId = await AdvocacyKit.ActivityAsync(staff, projectId);
        return (projectId, stakeholderId, activityId);
    }

    /// <summary>Records the outcome through the API: <paramref name="stakeholderId"/> supportive, and optionally a commitment and a follow-up.</summary>
    private async Task RecordAsync(Guid activityId, Guid stakeholderId, object[]? commitments = null, object[]? followUps = null)
    {
        var staff = await App.ClientAsync("staff");
        var response = await staff.PostAsJsonAsync($"/api/activities/{activityId}/outcome", new
        {
            stakeholders = new[] { new { stakeholderId, response = "supportive" } }, commitments, followUps,
        });
        response.EnsureSuccessStatusCode();
    }

    private async Task<IPage> SignedInAsync(string? languageButton = null)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/sign-in");
        if (languageButton is not null)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = languageButton }).ClickAsync();
        }
        await BrowserFixture.SignInAsync(page, "staff");
        await Expect(page).ToHaveURLAsync(new Regex("/projects/activities/log$"));
        return page;
    }

    private Task<long> CommitmentsOfAsync(Guid activityId) =>
        App.ScalarAsync<long>("SELECT count(*) FROM projects.commitments WHERE activity_id = $1", activityId);

    [Fact]
    public async Task Recording_an_outcome_with_a_supportive_answer_and_a_commitment_then_fulfilling_it_with_evidence()
    {
        var (_, stakeholderId, activityId) = await MeetingAsync("OUTCOME-UI", "European Commission");
        var page = await SignedInAsync();
        await page.GotoAsync($"/projects/activities/{activityId}/edit");
        await page.GetByRole(AriaRole.Link, new() { Name = "Outcome: stakeholders, responses, commitments, follow-ups" }).ClickAsync();

        await page.Locator("#Input_Stakeholders_0__StakeholderId").SelectOptionAsync(stakeholderId.ToString());
        await page.Locator("#Input_Stakeholders_0__Response").SelectOptionAsync("Supportive");
        await page.Locator("#Input_Stakeholders_0__Note").FillAsync("Will raise it with the Commissioner.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the outcome", Exact = true }).Last.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Outcome saved.");

        await page.GetByLabel("What they committed to").FillAsync("Include child-rights safeguards in the Pact's implementation plan");
        await page.GetByLabel("By which stakeholder").SelectOptionAsync(stakeholderId.ToString());
        await page.Locator("#Commitment_DueDate").FillAsync("2016-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the commitment" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Commitment added.");
        Assert.Equal(1L, await CommitmentsOfAsync(activityId));

        var commitment = page.Locator("article.commitment");
        await commitment.GetByLabel("New status").SelectOptionAsync("Fulfilled");
        await commitment.GetByLabel("Day of the change").FillAsync("2017-03-01");
        await commitment.GetByLabel("Evidence").FillAsync("Safeguards are in the implementation plan of 1 March 2017.");
        await commitment.GetByRole(AriaRole.Button, new() { Name = "Change the status" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Commitment now: Fulfilled.");
        await Expect(page.Locator("article.commitment")).ToContainTextAsync("Safeguards are in the implementation plan");
        Assert.Equal("Safeguards are in the implementation plan of 1 March 2017.", await App.ScalarAsync<string>(
            "SELECT evidence FROM projects.commitments WHERE activity_id = $1", activityId));
        Assert.Equal(1L, await App.ScalarAsync<long>(
            "SELECT count(*) FROM projects.commitment_status_changes h JOIN projects.commitments c ON c.id = h.commitment_id WHERE c.activity_id = $1",
            activityId));
    }

    [Fact]
    public async Task A_commitment_by_a_stakeholder_not_addressed_shows_a_field_error_and_writes_nothing()
    {
        var (_, addressed, activityId) = await MeetingAsync("OUTCOME-NOT", "Council of the EU");
        var other = await AdvocacyKit.StakeholderIdAsync(await App.ClientAsync("staff"), $"European Parliament {Guid.NewGuid():N}"[..28]);
        await RecordAsync(activityId, addressed);
        var page = await SignedInAsync();
        await page.GotoAsync($"/projects/activities/{activityId}/outcome");

        await page.GetByLabel("What they committed to").FillAsync("Table the report in plenary");
        await page.GetByLabel("By which stakeholder").SelectOptionAsync(other.ToString());
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Add the commitment" }).ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(200, response.Status);
        await Expect(page.GetByLabel("By which stakeholder")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#Commitment_StakeholderId-error")).ToContainTextAsync("one of the stakeholders the activity addressed");
        await Expect(page.GetByLabel("What they committed to")).ToHaveValueAsync("Table the report in plenary");
        Assert.Equal(0L, await CommitmentsOfAsync(activityId));
    }

    [Fact]
    public async Task Creating_a_stakeholder_then_finding_it_by_search()
    {
        var name = $"French-speaking Brussels Parliament {Guid.NewGuid():N}"[..44];
        var page = await SignedInAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Stakeholders" }).ClickAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.Locator("#Input_Kind").SelectOptionAsync("Parliament");
        await page.Locator("#Input_Level").SelectOptionAsync("Regional");
        await page.Locator("#Input_Country").SelectOptionAsync("BE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the stakeholder" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Stakeholder saved: {name}.");
        Assert.Equal(1L, await App.ScalarAsync<long>("SELECT count(*) FROM projects.stakeholders WHERE name = $1", name));

        await page.GotoAsync("/projects/advocacy/stakeholders");
        await page.GetByLabel("Name contains").FillAsync(name[^8..]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        var rows = page.Locator("table tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync(name);
        await Expect(rows).ToContainTextAsync("Regional");
    }

    [Fact]
    public async Task My_follow_ups_show_an_overdue_one_and_marking_it_done_removes_it()
    {
        var (_, stakeholderId, activityId) = await MeetingAsync("FOLLOW-UI", "Council of Europe Lanzarote Committee");
        var me = await AdvocacyKit.MeAsync(await App.ClientAsync("staff"));
        var action = $"Send the 12 members' statement {Guid.NewGuid():N}"[..38];
        await RecordAsync(activityId, stakeholderId, followUps: [new { action, ownerUserId = me, dueDate = "2016-03-01" }]);
        var page = await SignedInAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Follow-ups" }).ClickAsync();
        var row = page.Locator("#follow-ups-overdue tr").Filter(new() { HasText = action });
        await Expect(row).ToContainTextAsync("1 March 2016");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Mark done – {action}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Follow-up done: {action}.");
        await Expect(page.Locator("#follow-ups-overdue tr").Filter(new() { HasText = action })).ToHaveCountAsync(0);
        Assert.Equal(1L, await App.ScalarAsync<long>(
            "SELECT count(*) FROM projects.outcome_follow_ups WHERE activity_id = $1 AND done_on IS NOT NULL", activityId));
    }

    [Fact]
    public async Task A_follow_up_defaults_to_me_and_may_be_given_to_a_colleague()
    {
        var (_, stakeholderId, activityId) = await MeetingAsync("OWNER-UI", "Council of Europe");
        await RecordAsync(activityId, stakeholderId);
        var me = await AdvocacyKit.MeAsync(await App.ClientAsync("staff"));
        var manager = await AdvocacyKit.MeAsync(await App.ClientAsync("manager"));
        var page = await SignedInAsync();
        await page.GotoAsync($"/projects/activities/{activityId}/outcome");

        var owner = page.GetByLabel("Owner");
        await Expect(owner).ToHaveValueAsync(me);
        await Expect(owner.Locator($"option[value='{manager}']")).ToHaveCountAsync(1);
        await page.Locator("#FollowUp_Action").FillAsync("Send the Lanzarote Committee our shadow report");
        await owner.SelectOptionAsync(manager);
        await page.Locator("#FollowUp_DueDate").FillAsync("2016-04-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the follow-up" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Follow-up added.");
        Assert.Equal(manager, await App.ScalarAsync<string>(
            "SELECT owner_user_id FROM projects.outcome_follow_ups WHERE activity_id = $1", activityId));
    }

    [Fact]
    public async Task Writing_an_ask_then_marking_it_met_with_a_note_shows_its_dated_history_and_the_status_filter_finds_it()
    {
        var staff = await App.ClientAsync("staff");
        var projectId = await Api.CreateProjectAsync(staff, "ASKS-UI");
        var target = $"Federal Parliament {Guid.NewGuid():N}"[..27];
        var targetId = await AdvocacyKit.StakeholderIdAsync(staff, target, kind: "parliament", level: "national", country: "BE");
        var text = $"Appoint a guardian for every unaccompanied child {Guid.NewGuid():N}"[..56];
        var page = await SignedInAsync();

        await page.GotoAsync("/projects");
        await page.GetByRole(AriaRole.Link, new() { Name = "Asks – ASKS-UI" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/projects/{projectId}/asks$"));
        await page.GetByLabel("What the project asks").FillAsync(text);
        await page.GetByLabel("Targets").SelectOptionAsync(targetId.ToString());
        await page.GetByLabel("Opened on").FillAsync("2015-10-28");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the ask" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ask saved.");
        var ask = page.Locator("article.ask").Filter(new() { HasText = text });
        await Expect(ask).ToContainTextAsync(target);
        await Expect(ask).ToContainTextAsync("28 October 2015");

        // Met without a note: the endpoint's validator refuses it, on that ask's form; nothing is written.
        await ask.GetByLabel("New status").SelectOptionAsync("Met");
        await ask.GetByLabel("Day of the change").FillAsync("2016-05-02");
        await ask.GetByRole(AriaRole.Button, new() { Name = $"Change the status – {text}" }).ClickAsync();
        await Expect(ask.GetByLabel("Note")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(ask).ToContainTextAsync("Say what met the ask");
        Assert.Equal(0L, await App.ScalarAsync<long>("SELECT count(*) FROM projects.ask_status_changes"
            + " WHERE ask_id IN (SELECT id FROM projects.asks WHERE project_id = $1)", projectId));

        await ask.GetByLabel("New status").SelectOptionAsync("Met");
        await ask.GetByLabel("Day of the change").FillAsync("2016-05-02");
        await ask.GetByLabel("Note").FillAsync("The law of 2 May 2016 provides a guardian from the first day.");
        await ask.GetByRole(AriaRole.Button, new() { Name = $"Change the status – {text}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ask now: Met.");
        var history = ask.Locator("table tbody tr");
        await Expect(history).ToHaveCountAsync(1);
        await Expect(history).ToContainTextAsync("2 May 2016");
        await Expect(history).ToContainTextAsync("The law of 2 May 2016");
        Assert.Equal("Met", await App.ScalarAsync<string>("SELECT status FROM projects.asks WHERE project_id = $1", projectId));

        // Edit the text; the status stays.
        await ask.GetByRole(AriaRole.Link, new() { Name = $"Edit – {text}" }).ClickAsync();
        await Expect(page.GetByLabel("What the project asks")).ToHaveValueAsync(text);
        await page.GetByLabel("What the project asks").FillAsync(text + " (law)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ask saved.");
        Assert.Equal(text + " (law)", await App.ScalarAsync<string>("SELECT text FROM projects.asks WHERE project_id = $1", projectId));

        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("Open");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.Locator("article.ask")).ToHaveCountAsync(0);
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("Met");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.Locator("article.ask")).ToHaveCountAsync(1);
    }

    public static TheoryData<string, string> Languages => new() { { "en", "English" }, { "fr", "Français" }, { "nl", "Nederlands" } };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_advocacy_pages_have_no_serious_accessibility_violations(string language, string languageButton)
    {
        var (projectId, stakeholderId, activityId) = await MeetingAsync($"ADV-A11Y-{language.ToUpperInvariant()}", "European Commission");
        var me = await AdvocacyKit.MeAsync(await App.ClientAsync("staff"));
        var ask = await AdvocacyKit.AskAsync(await App.ClientAsync("staff"), projectId, "Fund guardianship for every unaccompanied child", [stakeholderId]);
        (await (await App.ClientAsync("staff")).PostAsJsonAsync($"/api/asks/{ask.GetProperty("id").GetGuid()}/status",
            new { status = "partlyMet", changedOn = "2016-01-15", note = "A pilot in Brussels", version = ask.GetProperty("version").GetUInt32() }))
            .EnsureSuccessStatusCode();
        await RecordAsync(activityId, stakeholderId,
            commitments: [new { text = "Fund a study on online child sexual exploitation", stakeholderId, dueDate = "2016-06-30" }],
            followUps: [new { action = "Send the statement to the European institutions", ownerUserId = me, dueDate = "2016-03-01" }]);
        var page = await SignedInAsync(languageButton);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        var violations = new List<string>();

        async Task CheckAsync(string name)
        {
            await BrowserFixture.ScreenshotAsync(page, language, name);
            violations.AddRange((await BrowserFixture.SeriousViolationsAsync(page)).Select(v => $"{name}: {v}"));
        }

        await page.GotoAsync($"/projects/activities/{activityId}/outcome");
        await Expect(page.Locator("article.commitment")).ToBeVisibleAsync();
        await CheckAsync("outcome");

        // The commitment form with its errors shown.
        await page.Locator("form[action*='handler=Commitment'] button").ClickAsync();
        await Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await CheckAsync("outcome-errors");

        await page.GotoAsync("/projects/advocacy/due");
        await Expect(page.Locator("#follow-ups-overdue")).ToBeVisibleAsync();
        await CheckAsync("follow-ups");

        await page.GotoAsync("/projects/advocacy/stakeholders");
        await Expect(page.Locator("table")).ToBeVisibleAsync();
        await CheckAsync("stakeholders");

        await page.GotoAsync($"/projects/{projectId}/asks");
        await Expect(page.Locator("article.ask")).ToBeVisibleAsync();
        await CheckAsync("asks");

        // The ask's status form with its errors shown (met needs a note).
        await page.Locator("article.ask select[name='Change.Status']").SelectOptionAsync("Met");
        await page.Locator("article.ask form button").ClickAsync();
        await Expect(page.Locator("article.ask [aria-invalid=true]")).ToBeVisibleAsync();
        await CheckAsync("asks-errors");

        Assert.Empty(violations);
    }
}
