using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Advocacy.IntegrationTests.Coalitions;
using Advocacy.IntegrationTests.Flows;
using Advocacy.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Advocacy.IntegrationTests.Browser;

/// <summary>The Events and Coalitions pages in a real browser: plan and hold an event, record a meeting and a statement, languages, accessibility.</summary>
public sealed class EventAndCoalitionPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private AdvocacyApp App => browser.App;

    private async Task<IPage> SignedInAsync()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "staff");
        await Expect(page).ToHaveURLAsync(new Regex("/projects/activities/log$"));
        return page;
    }

    [Fact]
    public async Task Planning_an_event_and_marking_it_held_in_the_browser_logs_the_activity_for_the_linked_project()
    {
        var api = await App.ClientAsync("staff");
        var project = await EventToActivityFlowTests.ProjectKnownToEventsAsync(App, api, "HOTEL-BROWSER");
        var page = await SignedInAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Events" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Plan an event" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Training for a hotel group's managers");
        await page.GetByLabel("Kind").SelectOptionAsync("Training");
        await page.Locator("#Input_Sessions_0__Date").FillAsync("2015-09-08");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a session" }).ClickAsync();
        await page.Locator("#Input_Sessions_1__Date").FillAsync("2015-09-22");
        await page.GetByLabel("Place", new() { Exact = true }).FillAsync("Brussels");
        await page.GetByLabel("Country").SelectOptionAsync("BE");
        await page.GetByLabel("HOTEL-BROWSER – Project HOTEL-BROWSER").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan event" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/events/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Event planned: Training for a hotel group's managers.");
        await Expect(page.Locator(".facts")).ToContainTextAsync("8 September 2015");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mark held, with attendance" }).ClickAsync();
        await page.Locator("#Input_Attendance_0__Audience").SelectOptionAsync("Professionals");
        await page.Locator("#Input_Attendance_0__Gender").SelectOptionAsync("Female");
        await page.Locator("#Input_Attendance_0__Count").FillAsync("20");
        await page.Locator("#Input_Attendance_1__Audience").SelectOptionAsync("Professionals");
        await page.Locator("#Input_Attendance_1__Gender").SelectOptionAsync("Male");
        await page.Locator("#Input_Attendance_1__Count").FillAsync("17");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark held", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The event is marked held");
        await Expect(page.Locator("tfoot")).ToContainTextAsync("37");
        var activity = await Eventually.Get(async () =>
            (await api.GetFromJsonAsync<JsonElement>($"/api/activities?projectId={project}")).GetProperty("items").EnumerateArray()
                .Select(a => (object?)a).FirstOrDefault(),
            "the held training in the project's log");
        Assert.Equal(("training", 37), (((JsonElement)activity).GetProperty("type").GetString(), ((JsonElement)activity).GetProperty("totalReach").GetInt32()));
    }

    [Fact]
    public async Task Planning_an_event_with_bad_input_shows_field_errors_in_the_browser_and_writes_nothing()
    {
        var before = await App.ScalarAsync<long>("SELECT count(*) FROM events.events");
        var page = await SignedInAsync();
        await page.GotoAsync("/events/plan");
        await page.Locator("#Input_Sessions_0__Date").FillAsync("2026-11-18");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Organised by another body" }).CheckAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Plan event" }).ClickAsync();

        await Expect(page.Locator("#error-summary")).ToContainTextAsync("There is a problem");
        await Expect(page.GetByLabel("Title")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#Input_Kind-error")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#Input_OrganiserName-error")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#Input_Sessions_0__Date")).ToHaveValueAsync("2026-11-18");
        Assert.Equal(before, await App.ScalarAsync<long>("SELECT count(*) FROM events.events"));
    }

    [Fact]
    public async Task Recording_a_coalition_meeting_with_a_follow_up_in_the_browser_shows_it_on_the_coalition_page()
    {
        var api = await App.ClientAsync("staff");
        var coalition = await CoalitionsKit.RegisterAsync(api, "Kinderrechtencoalitie (browser)");
        var page = await SignedInAsync();

        await page.GotoAsync("/coalitions");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kinderrechtencoalitie (browser)" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a meeting" }).ClickAsync();
        await page.GetByLabel("Agenda and notes").FillAsync("Alternative report to the UN Committee on the Rights of the Child");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a follow-up" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove follow-up 2" }).ClickAsync();
        await page.Locator("#Input_FollowUps_0__Action").FillAsync("Draft the chapter on sexual exploitation");
        await page.Locator("#Input_FollowUps_0__DueDate").FillAsync(DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record meeting" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/coalitions/{coalition}$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("recorded");
        await Expect(page.Locator(".card")).ToContainTextAsync("Draft the chapter on sexual exploitation");
        await Expect(page.Locator(".card")).ToContainTextAsync("staff@");
        await page.GotoAsync("/coalitions/follow-ups");
        await Expect(page.Locator("main")).ToContainTextAsync("Draft the chapter on sexual exploitation");
    }

    [Fact]
    public async Task Creating_a_statement_in_the_browser_records_its_signatories()
    {
        var api = await App.ClientAsync("staff");
        var coalition = await CoalitionsKit.RegisterAsync(api, "EU Civil Society Platform against Trafficking (browser)", "european");
        var page = await SignedInAsync();

        await page.GotoAsync($"/coalitions/{coalition}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a statement" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Joint statement on the anti-trafficking directive");
        await page.GetByLabel("Addressed to").FillAsync("European institutions");
        await page.GetByLabel("Signatories").FillAsync(string.Join("\n", Enumerable.Range(1, 11).Select(i => $"Member {i}").Prepend("ECPAT Belgium")));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record statement" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/coalitions/{coalition}$"));
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Joint statement on the anti-trafficking directive" });
        await Expect(row).ToContainTextAsync("12");
        Assert.Equal(12, await App.ScalarAsync<int>(
            "SELECT cardinality(signatories) FROM coalitions.statements WHERE coalition_id = $1", coalition));
    }

    public static TheoryData<string, string> Languages => new() { { "en", "English" }, { "fr", "Français" }, { "nl", "Nederlands" } };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_events_and_coalitions_pages_have_no_serious_accessibility_violations(string language, string languageButton)
    {
        var api = await App.ClientAsync("staff");
        var project = await EventToActivityFlowTests.ProjectKnownToEventsAsync(App, api, $"A11Y-EV-{language.ToUpperInvariant()}");
        var (eventId, _) = await EventToActivityFlowTests.PlanAsync(api, [project]);
        var coalition = await CoalitionsKit.RegisterAsync(api, $"Coordination des ONG pour les droits de l'enfant ({language})");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = languageButton }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await BrowserFixture.SignInAsync(page, "staff");
        await Expect(page).ToHaveURLAsync(new Regex("/projects/activities/log$"));
        var violations = new List<string>();

        async Task CheckAsync(string address, string name, Func<Task>? act = null)
        {
            if (address.Length > 0)
            {
                await page.GotoAsync(address);
            }
            if (act is not null)
            {
                await act();
            }
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, language, name);
            violations.AddRange((await BrowserFixture.SeriousViolationsAsync(page)).Select(v => $"{name}: {v}"));
        }

        await CheckAsync("/events?when=past", "events");
        await CheckAsync("/events/plan", "event-plan");
        await CheckAsync("", "event-plan-errors", async () =>
        {
            await page.Locator("form[novalidate] button.primary").ClickAsync();
            await Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        });
        await CheckAsync($"/events/{eventId}", "event");
        await CheckAsync($"/events/{eventId}/attendance", "event-attendance");
        await CheckAsync("/coalitions", "coalitions");
        await CheckAsync($"/coalitions/{coalition}", "coalition");
        await CheckAsync($"/coalitions/{coalition}/meetings/record", "meeting-record");
        await CheckAsync("", "meeting-record-errors", async () =>
        {
            await page.Locator("#Input_Date").FillAsync("");
            await page.Locator("form[novalidate] button.primary").ClickAsync();
            await Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        });
        await CheckAsync($"/coalitions/statements/new?coalitionId={coalition}", "statement-new");
        await CheckAsync("/coalitions/follow-ups", "my-follow-ups");

        Assert.Empty(violations);
    }
}
