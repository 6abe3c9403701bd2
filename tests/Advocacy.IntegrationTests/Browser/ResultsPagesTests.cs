using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.IntegrationTests.ReportingPeriods;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Advocacy.IntegrationTests.Browser;

/// <summary>The import, results-framework, reporting-period and approval pages in a real browser.</summary>
public sealed class ResultsPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Header = "date,type,title,notes,place,country,children,professionals_female,professionals_male,policy_makers";

    // Golondrina's school campaigns: 2100 students and 380 teachers reached.
    private static readonly string GoodCsv = string.Join("\n",
        Header,
        "2011-03-14,awarenessCampaign,School campaign in Santafe,Workshops in 6 schools,Santafe,CO,900,60,40,",
        "2011-05-02,awarenessCampaign,School campaign in Candelaria,,Candelaria,CO,700,90,50,",
        "2011-09-19,awarenessCampaign,School campaign in San Cristobal,,San Cristobal,CO,500,80,60,");

    private static readonly string CsvWithOneBadRow = GoodCsv.Replace("Candelaria,CO,700", "Candelaria,CO,-700");

    private AdvocacyApp App => browser.App;

    private async Task<Guid> ProjectAsync(string code) =>
        await Api.CreateProjectAsync(await App.ClientAsync("staff"), code, "2010-01-01", null, "international");

    private Task<long> ActivitiesOfAsync(Guid projectId) =>
        App.ScalarAsync<long>("SELECT count(*) FROM projects.activities WHERE project_id = $1", projectId);

    private async Task<IPage> SignedInAsync(string role, string? languageButton = null)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/sign-in");
        if (languageButton is not null)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = languageButton }).ClickAsync();
        }
        await BrowserFixture.SignInAsync(page, role);
        await Expect(page.GetByRole(AriaRole.Navigation).First).ToBeVisibleAsync();
        return page;
    }

    private static async Task UploadAsync(IPage page, Guid projectId, string csv, bool goodRowsOnly = false)
    {
        await page.GotoAsync("/projects/activities/import");
        await page.Locator("#ProjectId").SelectOptionAsync(projectId.ToString());
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload
        {
            Name = "golondrina.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
        });
        if (goodRowsOnly)
        {
            await page.Locator("#GoodRowsOnly").CheckAsync();
        }
        await page.Locator("form[enctype] button.primary").ClickAsync();
    }

    [Fact]
    public async Task Importing_a_csv_with_one_bad_row_shows_that_row_error_and_writes_nothing()
    {
        var projectId = await ProjectAsync("GOLONDRINA-BAD");
        var page = await SignedInAsync("staff");

        await UploadAsync(page, projectId, CsvWithOneBadRow);

        await Expect(page.Locator("#form-problem")).ToContainTextAsync("nothing was imported");
        var rows = page.Locator("#row-errors tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First.Locator("td").Nth(0)).ToHaveTextAsync("3");
        await Expect(rows.First.Locator("td").Nth(1)).ToHaveTextAsync("children");
        await Expect(rows.First.Locator("td").Nth(2)).ToContainTextAsync("between 0 and");
        Assert.Equal(0L, await ActivitiesOfAsync(projectId));
    }

    [Fact]
    public async Task Importing_only_the_good_rows_shows_the_count_and_lists_the_skipped_row()
    {
        var projectId = await ProjectAsync("GOLONDRINA-GOOD");
        var page = await SignedInAsync("staff");

        await UploadAsync(page, projectId, CsvWithOneBadRow, goodRowsOnly: true);

        await Expect(page.Locator("#import-result")).ToContainTextAsync("2 activities imported.");
        await Expect(page.Locator("#import-result").GetByRole(AriaRole.Link, new() { Name = "See my activities" }))
            .ToHaveAttributeAsync("href", "/projects/activities/mine");
        await Expect(page.Locator("#row-errors tbody tr")).ToHaveCountAsync(1);
        Assert.Equal(2L, await ActivitiesOfAsync(projectId));
    }

    [Fact]
    public async Task Importing_a_clean_csv_shows_the_count()
    {
        var projectId = await ProjectAsync("GOLONDRINA-CLEAN");
        var page = await SignedInAsync("staff");

        await UploadAsync(page, projectId, GoodCsv);

        await Expect(page.Locator("#import-result")).ToContainTextAsync("3 activities imported.");
        await Expect(page.Locator("#row-errors")).ToHaveCountAsync(0);
        Assert.Equal(3L, await ActivitiesOfAsync(projectId));
    }

    [Fact]
    public async Task Recording_a_value_shows_errors_first_then_the_actual_and_progress()
    {
        var projectId = await ProjectAsync("LEAFLETS");
        var indicatorId = await PeriodsKit.IndicatorAsync(await App.ClientAsync("staff"), projectId);
        var page = await SignedInAsync("staff");
        await page.GotoAsync($"/projects/{projectId}/results");
        var row = page.Locator("[id='indicator-1.1']");
        await Expect(row).ToContainTextAsync("Not measured yet");

        // No value and a period ending before it starts: the endpoint's validator answers, nothing is written.
        await page.Locator("#Measure_IndicatorId").SelectOptionAsync(indicatorId.ToString());
        await page.Locator("#Measure_PeriodStart").FillAsync("2024-06-30");
        await page.Locator("#Measure_PeriodEnd").FillAsync("2024-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record value" }).ClickAsync();
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("The period must not end before it starts.");
        await Expect(page.Locator("#Measure_Value")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(0L, await App.ScalarAsync<long>("SELECT count(*) FROM projects.measurements WHERE indicator_id = $1", indicatorId));

        await page.Locator("#Measure_PeriodStart").FillAsync("2024-01-01");
        await page.Locator("#Measure_PeriodEnd").FillAsync("2024-06-30");
        await page.Locator("#Measure_Value").FillAsync("2100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record value" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Value recorded.");
        await Expect(row.Locator(".actual")).ToHaveTextAsync("2,100");
        await Expect(row.Locator("progress")).ToHaveAttributeAsync("value", "42");
    }

    [Fact]
    public async Task Recording_a_value_in_a_locked_period_says_so_and_writes_nothing()
    {
        var projectId = await ProjectAsync("LOCKED-VALUES");
        var indicatorId = await PeriodsKit.IndicatorAsync(await App.ClientAsync("staff"), projectId);
        await PeriodsKit.ApprovedPeriodAsync(App, projectId, "2024-01-01", "2024-06-30");
        var page = await SignedInAsync("staff");
        await page.GotoAsync($"/projects/{projectId}/results");

        await page.Locator("#Measure_IndicatorId").SelectOptionAsync(indicatorId.ToString());
        await page.Locator("#Measure_PeriodStart").FillAsync("2024-01-01");
        await page.Locator("#Measure_PeriodEnd").FillAsync("2024-06-30");
        await page.Locator("#Measure_Value").FillAsync("380");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record value" }).ClickAsync();

        await Expect(page.Locator("#form-problem")).ToContainTextAsync("from 1 January 2024 to 30 June 2024 is approved and locked");
        Assert.Equal(0L, await App.ScalarAsync<long>("SELECT count(*) FROM projects.measurements WHERE indicator_id = $1", indicatorId));
    }

    [Fact]
    public async Task Staff_create_and_submit_a_period_and_a_manager_approves_it_from_the_approvals_page()
    {
        var projectId = await ProjectAsync("APPROVE-ME");
        var staff = await SignedInAsync("staff");
        await staff.GotoAsync($"/projects/{projectId}/periods");
        await staff.Locator("#NewPeriod_From").FillAsync("2024-01-01");
        await staff.Locator("#NewPeriod_To").FillAsync("2024-06-30");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Create period" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Reporting period created");
        await Expect(staff.Locator("#periods")).ToContainTextAsync("Draft");

        await staff.GetByRole(AriaRole.Button, new() { Name = "Submit for approval" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Reporting period submitted for approval.");
        await Expect(staff.Locator("#periods")).ToContainTextAsync("Submitted");

        var manager = await SignedInAsync("manager");
        await manager.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Approvals" }).ClickAsync();
        var row = manager.GetByRole(AriaRole.Row).Filter(new() { HasText = "APPROVE-ME" });
        await Expect(row).ToContainTextAsync("1 January 2024 to 30 June 2024");
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Approve ") }).ClickAsync();

        await Expect(manager.GetByRole(AriaRole.Status)).ToContainTextAsync("Reporting period approved: APPROVE-ME");
        await Expect(manager.GetByRole(AriaRole.Row).Filter(new() { HasText = "APPROVE-ME" })).ToHaveCountAsync(0);
        Assert.Equal("Approved", await App.ScalarAsync<string>("SELECT status FROM projects.reporting_periods WHERE project_id = $1", projectId));
    }

    [Fact]
    public async Task Returning_a_period_without_a_comment_is_refused_on_its_row()
    {
        var projectId = await ProjectAsync("RETURN-ME");
        var client = await App.ClientAsync("staff");
        var period = await PeriodsKit.CreatePeriodAsync(client, projectId, "2024-01-01", "2024-06-30");
        (await PeriodsKit.StepAsync(client, projectId, period.Id(), "submit")).EnsureSuccessStatusCode();
        var manager = await SignedInAsync("manager");
        await manager.GotoAsync("/projects/approvals");
        var row = manager.GetByRole(AriaRole.Row).Filter(new() { HasText = "RETURN-ME" });

        await row.GetByRole(AriaRole.Button, new() { Name = "Return to staff" }).ClickAsync();

        await Expect(manager.Locator("#error-summary")).ToContainTextAsync("needs a comment");
        await Expect(manager.Locator($"#comment-{period.Id()}")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal("Submitted", await App.ScalarAsync<string>("SELECT status FROM projects.reporting_periods WHERE project_id = $1", projectId));
    }

    [Fact]
    public async Task The_projects_page_links_to_each_projects_results_and_periods()
    {
        var projectId = await ProjectAsync("LISTED");
        var page = await SignedInAsync("staff");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Projects" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/projects$"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Results – LISTED" })).ToHaveAttributeAsync("href", $"/projects/{projectId}/results");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Periods – LISTED" })).ToHaveAttributeAsync("href", $"/projects/{projectId}/periods");
    }

    public static TheoryData<string, string> Languages => new() { { "en", "English" }, { "fr", "Français" }, { "nl", "Nederlands" } };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_import_results_periods_and_approvals_pages_have_no_serious_accessibility_violations(string language, string languageButton)
    {
        var code = $"RESULTS-{language.ToUpperInvariant()}";
        var projectId = await ProjectAsync(code);
        var staff = await App.ClientAsync("staff");
        var indicatorId = await PeriodsKit.IndicatorAsync(staff, projectId);
        Assert.Equal(HttpStatusCode.Created, (await PeriodsKit.RecordAsync(staff, projectId, indicatorId, "2024-01-01", "2024-06-30", 2100)).StatusCode);
        var period = await PeriodsKit.CreatePeriodAsync(staff, projectId, "2024-07-01", "2024-12-31");
        (await PeriodsKit.StepAsync(staff, projectId, period.Id(), "submit")).EnsureSuccessStatusCode();
        var page = await SignedInAsync("manager", languageButton);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        var violations = new List<string>();

        async Task CheckAsync(string name)
        {
            await BrowserFixture.ScreenshotAsync(page, language, name);
            violations.AddRange((await BrowserFixture.SeriousViolationsAsync(page)).Select(v => $"{name}: {v}"));
        }

        await page.GotoAsync("/projects/activities/import");
        await CheckAsync("import");
        await UploadAsync(page, projectId, CsvWithOneBadRow);
        await Expect(page.Locator("#row-errors")).ToBeVisibleAsync();
        await CheckAsync("import-errors");

        await page.GotoAsync($"/projects/{projectId}/results");
        await Expect(page.Locator("progress")).ToHaveCountAsync(1);
        await CheckAsync("results");

        await page.GotoAsync($"/projects/{projectId}/periods");
        await CheckAsync("periods");

        await page.GotoAsync("/projects/approvals");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = code })).ToHaveCountAsync(1);
        await CheckAsync("approvals");

        await page.GotoAsync("/projects");
        await CheckAsync("projects");

        Assert.Empty(violations);
    }
}
