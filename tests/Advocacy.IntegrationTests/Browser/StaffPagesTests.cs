using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.IntegrationTests.ReportingPeriods;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Advocacy.IntegrationTests.Browser;

/// <summary>The staff pages in a real browser: sign-in, navigation, logging and editing activities, languages.</summary>
public sealed class StaffPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private AdvocacyApp App => browser.App;

    private async Task<Guid> ProjectAsync(string code) => await Api.CreateProjectAsync(await App.ClientAsync("staff"), code);

    /// <summary>A staff member on the log form, with <paramref name="projectId"/> chosen.</summary>
    private async Task<IPage> LogFormAsync(Guid projectId)
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "staff");
        await Expect(page).ToHaveURLAsync(new Regex("/projects/activities/log$"));
        await page.GetByLabel("Project").SelectOptionAsync(projectId.ToString());
        return page;
    }

    private Task<long> ActivitiesOfAsync(Guid projectId) =>
        App.ScalarAsync<long>("SELECT count(*) FROM projects.activities WHERE project_id = $1", projectId);

    [Fact]
    public async Task Signing_in_as_staff_lands_on_log_activity_with_the_staff_navigation()
    {
        var page = await browser.NewPageAsync();

        await BrowserFixture.SignInAsync(page, "staff");

        await Expect(page).ToHaveURLAsync(new Regex("/projects/activities/log$"));
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(nav.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Log activity", "My activities", "Import", "Projects", "Events", "Coalitions", "Publications", "Donor reports", "Follow-ups", "Stakeholders"]);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Log activity" })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.Locator(".account")).ToContainTextAsync("staff@");
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_stays_signed_out()
    {
        var page = await browser.NewPageAsync();

        await BrowserFixture.SignInAsync(page, "manager", "not-the-password");

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The email or password is not right.");
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in"));
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_unauthenticated_page_request_redirects_to_sign_in_and_back()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/projects/activities/mine");

        await Expect(page).ToHaveURLAsync(new Regex(@"/sign-in\?ReturnUrl=%2Fprojects%2Factivities%2Fmine$"));
        await BrowserFixture.SignInAsync(page, "staff");
        await Expect(page).ToHaveURLAsync(new Regex("/projects/activities/mine$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My recent activities");
    }

    [Fact]
    public async Task Signing_out_returns_to_sign_in_and_pages_ask_to_sign_in_again()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "staff");
        await Expect(page).ToHaveURLAsync(new Regex("/projects/activities/log$"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/sign-in$"));
        await page.GotoAsync("/projects/activities/mine");
        await Expect(page).ToHaveURLAsync(new Regex(@"/sign-in\?ReturnUrl="));
    }

    [Fact]
    public async Task An_unknown_address_shows_the_not_found_page()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "staff");
        await Expect(page).ToHaveURLAsync(new Regex("/projects/activities/log$"));

        var response = await page.GotoAsync("/projects/no-such-page");

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
    }

    [Fact]
    public async Task An_unauthenticated_api_request_still_gets_401()
    {
        using var client = new HttpClient { BaseAddress = browser.BaseAddress };

        var response = await client.GetAsync("/api/activities");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Logging_an_activity_through_the_form_shows_it_in_my_recent_activities()
    {
        var projectId = await ProjectAsync("GOLONDRINA");
        var page = await LogFormAsync(projectId);

        // Today is the default date.
        await Expect(page.GetByLabel("Date")).ToHaveValueAsync(DateTime.UtcNow.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Type").SelectOptionAsync("AwarenessCampaign");
        await page.GetByLabel("Title").FillAsync("School awareness campaign in Medellín");
        await page.GetByLabel("Description").FillAsync("Students and teachers of three schools.");
        await page.GetByLabel("Country").SelectOptionAsync("CO");
        await page.Locator("#Input_Reach_0__Audience").SelectOptionAsync("Children");
        await page.Locator("#Input_Reach_0__Count").FillAsync("2100");
        await page.Locator("#Input_Reach_1__Audience").SelectOptionAsync("Professionals");
        await page.Locator("#Input_Reach_1__Count").FillAsync("380");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log activity", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/projects/activities/mine$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Activity logged: School awareness campaign in Medellín.");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "School awareness campaign in Medellín" });
        await Expect(row).ToContainTextAsync("Awareness campaign");
        await Expect(row).ToContainTextAsync("2,480");
        await Expect(row).ToContainTextAsync("GOLONDRINA");
        Assert.Equal(1L, await ActivitiesOfAsync(projectId));
    }

    [Fact]
    public async Task A_reach_row_is_added_and_removed_without_script_and_nothing_is_written()
    {
        var projectId = await ProjectAsync("REACT-ROWS");
        var page = await LogFormAsync(projectId);
        await page.GetByLabel("Title").FillAsync("Leaflet presented to guardians");
        var rows = page.Locator(".reach-row");
        var before = await rows.CountAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a row" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(before + 1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove row 1" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(before);

        await Expect(page.GetByLabel("Title")).ToHaveValueAsync("Leaflet presented to guardians");
        Assert.Equal(0L, await ActivitiesOfAsync(projectId));
    }

    [Fact]
    public async Task Bad_input_shows_field_errors_and_writes_nothing()
    {
        var projectId = await ProjectAsync("DAKAR");
        var page = await LogFormAsync(projectId);
        await page.GetByLabel("Type").SelectOptionAsync("Research");
        await page.Locator("#Input_Reach_0__Audience").SelectOptionAsync("Children");
        await page.Locator("#Input_Reach_0__Count").FillAsync("-5");

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Log activity", Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.Equal(200, response.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is a problem");
        await Expect(page.GetByLabel("Title")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#Input_Title-error")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#Input_Reach_0__Count")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#Input_Reach_0__Count")).ToHaveValueAsync("-5");
        Assert.Equal(0L, await ActivitiesOfAsync(projectId));
    }

    [Fact]
    public async Task Editing_an_activity_saves_the_change()
    {
        var projectId = await ProjectAsync("MARIO");
        var logged = await PeriodsKit.LogAsync(await App.ClientAsync("staff"), projectId, "2025-03-01", "Meeting on migrant children");
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "staff");
        await page.GotoAsync("/projects/activities/mine");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit – Meeting on migrant children" }).ClickAsync();
        await Expect(page.GetByLabel("Title")).ToHaveValueAsync("Meeting on migrant children");
        await page.GetByLabel("Title").FillAsync("Meeting on migrant children with the Council of Europe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/projects/activities/mine$"));
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "with the Council of Europe" })).ToHaveCountAsync(1);
        Assert.Equal("Meeting on migrant children with the Council of Europe",
            await App.ScalarAsync<string>("SELECT title FROM projects.activities WHERE id = $1", logged.Id()));
    }

    [Fact]
    public async Task A_stale_edit_shows_the_saved_version_and_keeps_the_changes_in_the_form()
    {
        var projectId = await ProjectAsync("TASEC");
        var staff = await App.ClientAsync("staff");
        var logged = await PeriodsKit.LogAsync(staff, projectId, "2025-04-01", "Research on the EU Directive");
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "staff");
        await page.GotoAsync($"/projects/activities/{logged.Id()}/edit");
        await page.GetByLabel("Title").FillAsync("Research on the EU Directive in 27 Member States");

        // Someone else saves first.
        var other = PeriodsKit.Meeting("2025-04-01", "Research on the EU Directive (corrected)");
        other["version"] = logged.GetProperty("version").GetUInt32();
        (await staff.PutAsJsonAsync($"/api/activities/{logged.Id()}", other)).EnsureSuccessStatusCode();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Expect(page.Locator("#form-problem")).ToContainTextAsync("Someone else saved this activity");
        await Expect(page.Locator("section.alert")).ToContainTextAsync("Research on the EU Directive (corrected)");
        await Expect(page.GetByLabel("Title")).ToHaveValueAsync("Research on the EU Directive in 27 Member States");
        Assert.Equal("Research on the EU Directive (corrected)",
            await App.ScalarAsync<string>("SELECT title FROM projects.activities WHERE id = $1", logged.Id()));

        // Saving again, knowingly, replaces it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/projects/activities/mine$"));
    }

    [Fact]
    public async Task Logging_into_a_locked_period_shows_why_and_writes_nothing()
    {
        var projectId = await ProjectAsync("ACSIS");
        await PeriodsKit.ApprovedPeriodAsync(App, projectId, "2025-01-01", "2025-06-30");
        var page = await LogFormAsync(projectId);
        await page.GetByLabel("Type").SelectOptionAsync("Training");
        await page.GetByLabel("Date").FillAsync("2025-03-10");
        await page.GetByLabel("Title").FillAsync("Training of border police");

        await page.GetByRole(AriaRole.Button, new() { Name = "Log activity", Exact = true }).ClickAsync();

        await Expect(page.Locator("#form-problem")).ToContainTextAsync("from 1 January 2025 to 30 June 2025 is approved and locked");
        Assert.Equal(0L, await ActivitiesOfAsync(projectId));
    }

    [Fact]
    public async Task Switching_to_French_and_Dutch_translates_the_pages_and_formats_dates_per_language()
    {
        var projectId = await ProjectAsync("HOTELS");
        await PeriodsKit.LogAsync(await App.ClientAsync("staff"), projectId, "2025-11-18", "Training for hotel managers");
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "staff");
        await page.GotoAsync("/projects/activities/mine");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Training for hotel managers" });
        await Expect(row).ToContainTextAsync("18 November 2025");

        await page.GetByRole(AriaRole.Button, new() { Name = "Français" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mes activités récentes");
        await Expect(page).ToHaveURLAsync(new Regex("/projects/activities/mine$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(row).ToContainTextAsync("18 novembre 2025");
        await Expect(row).ToContainTextAsync("Rencontre avec des décideurs politiques");

        await page.GetByRole(AriaRole.Button, new() { Name = "Nederlands" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mijn recente activiteiten");
        await Expect(row).ToContainTextAsync("18 november 2025");
        await Expect(row).ToContainTextAsync("Ontmoeting met beleidsmakers");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })).ToContainTextAsync("Activiteit registreren");
    }

    [Fact]
    public async Task A_browser_asking_for_French_without_a_cookie_gets_French()
    {
        var page = await browser.NewPageAsync(locale: "fr-BE");

        await page.GotoAsync("/sign-in");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Se connecter");
        await Expect(page.GetByLabel("Mot de passe")).ToBeVisibleAsync();
    }

    public static TheoryData<string, string> Languages => new() { { "en", "English" }, { "fr", "Français" }, { "nl", "Nederlands" } };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_main_pages_have_no_serious_accessibility_violations(string language, string languageButton)
    {
        var projectId = await ProjectAsync($"A11Y-{language.ToUpperInvariant()}");
        await PeriodsKit.LogAsync(await App.ClientAsync("staff"), projectId, "2025-11-18", "Presentation at the Council of Europe");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = languageButton }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        var violations = new List<string>();

        await BrowserFixture.ScreenshotAsync(page, language, "sign-in");
        violations.AddRange((await BrowserFixture.SeriousViolationsAsync(page)).Select(v => $"sign-in: {v}"));

        await BrowserFixture.SignInAsync(page, "staff");
        await Expect(page).ToHaveURLAsync(new Regex("/projects/activities/log$"));
        await BrowserFixture.ScreenshotAsync(page, language, "log-activity");
        violations.AddRange((await BrowserFixture.SeriousViolationsAsync(page)).Select(v => $"log-activity: {v}"));

        // The form with its errors shown.
        await page.Locator("form[novalidate] button.primary").ClickAsync();
        await Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, language, "log-activity-errors");
        violations.AddRange((await BrowserFixture.SeriousViolationsAsync(page)).Select(v => $"log-activity-errors: {v}"));

        await page.GotoAsync("/projects/activities/mine");
        await Expect(page.Locator("table")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, language, "my-activities");
        violations.AddRange((await BrowserFixture.SeriousViolationsAsync(page)).Select(v => $"my-activities: {v}"));

        Assert.Empty(violations);
    }
}
