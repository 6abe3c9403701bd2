using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.IntegrationTests.ReportingPeriods;
using Microsoft.Playwright;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace Advocacy.IntegrationTests.Browser;

/// <summary>
/// The Reports pages in a real browser: dashboards with their charts and period filter, donor reports (preview,
/// narrative, downloads, background export) and publications with their recommendations. Each test works in a
/// year of its own, so the organisation's figures it reads are only its own.
/// </summary>
public sealed class ReportsPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private AdvocacyApp App => browser.App;

    /// <summary>A project funded by <paramref name="donor"/>, known to Reports.</summary>
    private async Task<Guid> ProjectAsync(string code, string donor = "European Commission")
    {
        var staff = await App.ClientAsync("staff");
        var created = await (await staff.PostAsJsonAsync("/api/projects", new
        {
            code, name = $"{code} project", level = "european", startDate = "2000-01-01", countries = new[] { "BE" },
            organisations = new object[] { new { name = donor, role = "donor" }, new { name = "ECPAT Belgium", role = "lead", country = "BE" } },
        })).JsonAsync(HttpStatusCode.Created);
        var projectId = created.GetProperty("id").GetGuid();
        await Eventually.Get(async () =>
            await App.ScalarAsync<long>("SELECT count(*) FROM reports.project_summaries WHERE project_id = $1", projectId) == 1 ? "" : null,
            $"Reports to know project {code}");
        return projectId;
    }

    /// <summary>Logs meetings of 12 policy makers each (PeriodsKit's), and waits until Reports counts them all.</summary>
    private async Task LogAsync(Guid projectId, params (string Date, string Title)[] activities)
    {
        var staff = await App.ClientAsync("staff");
        foreach (var (date, title) in activities)
        {
            await PeriodsKit.LogAsync(staff, projectId, date, title);
        }
        await Eventually.Get(async () =>
        {
            var figures = await staff.GetAsync($"/api/reports/projects/{projectId}/figures");
            return figures.IsSuccessStatusCode
                && (await figures.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activities").GetInt32() >= activities.Length ? "" : null;
        }, "Reports to count the activities");
    }

    private async Task<IPage> SignedInAsync(string role)
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, role);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>The top-line figure labelled exactly <paramref name="label"/>.</summary>
    private static ILocator Figure(IPage page, string label) =>
        page.Locator(".figures > div").Filter(new() { Has = page.Locator("dt").GetByText(label, new() { Exact = true }) }).Locator("dd");

    /// <summary>A chart's text alternative: the rows of its table (label and value).</summary>
    private static ILocator ChartRow(IPage page, string chartId, string label) =>
        page.Locator($"#{chartId} table tbody tr").Filter(new() { Has = page.Locator("th").GetByText(label, new() { Exact = true }) }).Locator("td");

    private static async Task<string> HrefAsync(ILocator link) =>
        await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("The link has no address.");

    [Fact]
    public async Task A_manager_sees_the_organisation_dashboard_figures_and_charts_and_the_period_filter_changes_them()
    {
        var projectId = await ProjectAsync("DASH-ORG");
        await LogAsync(projectId, ("2004-03-10", "Meeting at the Senate"), ("2004-05-02", "Meeting at the Chamber"), ("2005-01-15", "Meeting at the Flemish Parliament"));
        var page = await SignedInAsync("manager");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Dashboards" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Organisation dashboard");
        await page.GetByLabel("From", new() { Exact = true }).FillAsync("2004-01-01");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("2004-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/reports/dashboards\?From=2004-01-01&To=2004-12-31$"));
        await Expect(Figure(page, "Activities")).ToHaveTextAsync("2");
        await Expect(Figure(page, "People reached")).ToHaveTextAsync("24");
        // Charts are SVG images named by their title, with their figures as a table.
        await Expect(page.Locator("#chart-monthly svg[role=img] title")).ToHaveTextAsync("Activities per month");
        await Expect(page.Locator("#chart-monthly svg rect.bar")).ToHaveCountAsync(3);
        await Expect(ChartRow(page, "chart-monthly", "Mar 2004")).ToHaveTextAsync("1");
        await Expect(ChartRow(page, "chart-monthly", "Apr 2004")).ToHaveTextAsync("0");
        await Expect(ChartRow(page, "chart-reach", "Policy makers")).ToHaveTextAsync("24");
        await Expect(ChartRow(page, "chart-types", "Meeting with policy makers")).ToHaveTextAsync("2");

        await page.GetByLabel("To", new() { Exact = true }).FillAsync("2005-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Expect(Figure(page, "Activities")).ToHaveTextAsync("3");
        await Expect(Figure(page, "People reached")).ToHaveTextAsync("36");
        await Expect(page.Locator(".showing")).ToHaveTextAsync("Showing: 1 January 2004 to 31 December 2005");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "DASH-ORG – DASH-ORG project" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_period_running_backwards_shows_an_error_and_no_figures()
    {
        var page = await SignedInAsync("manager");

        await page.GotoAsync("/reports/dashboards?from=2005-01-01&to=2004-01-01");

        await Expect(page.Locator("#error-summary")).ToContainTextAsync("'to' must not be before 'from'.");
        await Expect(page.GetByLabel("To", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator(".figures")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_project_dashboard_shows_its_figures_and_its_indicators_against_target()
    {
        var projectId = await ProjectAsync("DASH-PRJ");
        var staff = await App.ClientAsync("staff");
        var indicatorId = await PeriodsKit.IndicatorAsync(staff, projectId);
        await (await PeriodsKit.RecordAsync(staff, projectId, indicatorId, "2006-01-01", "2006-06-30", 2500)).JsonAsync(HttpStatusCode.Created);
        await LogAsync(projectId, ("2006-02-14", "Leaflet presented to guardians"));
        await Eventually.Get(async () =>
            (await staff.GetFromJsonAsync<JsonElement>($"/api/reports/projects/{projectId}/indicators"))[0].GetProperty("actual").ValueKind == JsonValueKind.Number ? "" : null,
            "the measurement in Reports");
        var page = await SignedInAsync("manager");

        await page.GotoAsync($"/reports/dashboards/projects/{projectId}?from=2006-01-01&to=2006-12-31");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("DASH-PRJ – DASH-PRJ project");
        await Expect(Figure(page, "Activities")).ToHaveTextAsync("1");
        await Expect(Figure(page, "People reached")).ToHaveTextAsync("12");
        var indicator = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "1.1 Leaflets handed to unaccompanied minors" });
        await Expect(indicator.Locator("td")).ToHaveTextAsync(["leaflets", "0", "5,000", "2,500", "50%"]);
        await Expect(page.Locator("#chart-indicators svg[role=img] rect.bar")).ToHaveCountAsync(1);
        await Expect(page.Locator("#chart-indicators svg line.target")).ToHaveCountAsync(1);
        await Expect(page.Locator("#chart-indicators svg")).ToContainTextAsync("50%");
    }

    [Fact]
    public async Task Staff_create_a_donor_report_preview_it_write_its_narrative_and_download_xlsx_and_csv()
    {
        var projectId = await ProjectAsync("DONOR-UI", "Fondation Roi Baudouin");
        await LogAsync(projectId, ("2007-03-01", "Training of guardians in Liège"), ("2007-09-20", "Meeting with the Walloon minister"));
        var page = await SignedInAsync("staff");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Donor reports" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New donor report" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Report to the King Baudouin Foundation 2007");
        await page.GetByLabel("Project").SelectOptionAsync(projectId.ToString());
        await page.GetByLabel("From", new() { Exact = true }).FillAsync("2007-01-01");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("2007-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the report" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/reports/donor-reports/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Report to the King Baudouin Foundation 2007");
        await Expect(Figure(page, "Activities")).ToHaveTextAsync("2");
        await Expect(Figure(page, "People reached")).ToHaveTextAsync("24");
        await Expect(page.Locator("#approved-flag")).ToContainTextAsync("Not all figures come from approved periods");
        await Expect(page.Locator("#activities tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#activities")).ToContainTextAsync("Training of guardians in Liège");
        await Expect(page.Locator("#reach-table")).ToContainTextAsync("Policy makers");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the title, period and narrative" }).ClickAsync();
        await page.GetByLabel("Heading of section 1").FillAsync("Summary");
        await page.GetByLabel("Text of section 1").FillAsync("Guardians in Wallonia were trained.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a section" }).ClickAsync();
        await page.GetByLabel("Heading of section 2").FillAsync("Next steps");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Changes saved");
        var narrative = page.Locator("section[aria-labelledby=narrative-title]");
        await Expect(narrative.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync(["Summary", "Next steps"]);
        await Expect(narrative).ToContainTextAsync("Guardians in Wallonia were trained.");

        // Downloads are the export endpoint's, authenticated by the browser's cookie.
        var xlsx = await page.Context.APIRequest.GetAsync(await HrefAsync(page.GetByRole(AriaRole.Link, new() { Name = "Spreadsheet (XLSX)" })));
        Assert.Equal(200, xlsx.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Headers["content-type"]);
        using (var workbook = new MemoryStream(await xlsx.BodyAsync()))
        {
            var rows = workbook.Query(useHeaderRow: true, sheetName: "Activities").Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(["Training of guardians in Liège", "Meeting with the Walloon minister"], rows.Select(r => (string)r["Title"]!).ToArray());
        }
        await page.GetByText("CSV, one file per section").ClickAsync();
        var csv = await page.Context.APIRequest.GetAsync(await HrefAsync(page.Locator("details").GetByRole(AriaRole.Link, new() { Name = "Activities", Exact = true })));
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"]);
        var lines = (await csv.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("Meeting with the Walloon minister", lines[2]);
    }

    [Fact]
    public async Task Saving_a_narrative_someone_else_changed_keeps_the_text_and_saving_again_replaces_it()
    {
        var projectId = await ProjectAsync("DONOR-CONC");
        var staff = await App.ClientAsync("staff");
        var report = await (await staff.PostAsJsonAsync("/api/donor-reports", new
        {
            title = "Concurrent report 2008", projectId, from = "2008-01-01", to = "2008-12-31",
        })).JsonAsync(HttpStatusCode.Created);
        var id = report.GetProperty("id").GetGuid();
        var page = await SignedInAsync("staff");
        await page.GotoAsync($"/reports/donor-reports/{id}/edit");
        await page.GetByLabel("Heading of section 1").FillAsync("Mine");

        await (await staff.PutAsJsonAsync($"/api/donor-reports/{id}", new
        {
            title = "Concurrent report 2008", projectId, from = "2008-01-01", to = "2008-12-31",
            sections = new[] { new { heading = "Theirs", body = "Saved first." } }, version = report.GetProperty("version").GetUInt32(),
        })).JsonAsync(HttpStatusCode.OK);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.Locator("#form-problem")).ToContainTextAsync("Someone else saved this report");
        await Expect(page.GetByLabel("Heading of section 1")).ToHaveValueAsync("Mine");
        Assert.Equal("Theirs", await App.ScalarAsync<string>("SELECT sections->0->>'Heading' FROM reports.donor_reports WHERE id = $1", id));

        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/reports/donor-reports/{id}$"));
        await Expect(page.Locator("section[aria-labelledby=narrative-title] h3")).ToHaveTextAsync("Mine");
    }

    [Fact]
    public async Task A_background_export_shows_its_progress_page_and_then_its_download()
    {
        var projectId = await ProjectAsync("DONOR-BG");
        await LogAsync(projectId, ("2009-04-22", "Workshop with youth workers"));
        var staff = await App.ClientAsync("staff");
        var report = await (await staff.PostAsJsonAsync("/api/donor-reports", new
        {
            title = "Background export 2009", projectId, from = "2009-01-01", to = "2009-12-31",
        })).JsonAsync(HttpStatusCode.Created);
        var page = await SignedInAsync("staff");
        await page.GotoAsync($"/reports/donor-reports/{report.GetProperty("id").GetGuid()}");

        await page.GetByLabel("Export in the background as").SelectOptionAsync("csv");
        await page.GetByLabel("Section (CSV only)").SelectOptionAsync("activities");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the export" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/reports/exports/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Export: CSV");
        if (await page.GetByRole(AriaRole.Link, new() { Name = "Check every 3 seconds by itself" }).CountAsync() > 0)
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Check every 3 seconds by itself" }).ClickAsync();
        }

        // The page reloads itself until the export is done; the locator waits across the reloads.
        var download = page.Locator("#download");
        await Expect(download).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("#export-status")).ToContainTextAsync("Status: Done");
        var file = await page.Context.APIRequest.GetAsync(await HrefAsync(download));
        Assert.Equal(200, file.Status);
        Assert.Contains("Workshop with youth workers", await file.TextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the report" }).ClickAsync();
        await Expect(page.Locator("table").Filter(new() { HasText = "Background exports of this report" })).ToContainTextAsync("Done");
    }

    [Fact]
    public async Task Staff_record_a_publication_add_a_recommendation_change_its_status_with_evidence_and_publish_it()
    {
        var projectId = await ProjectAsync("PUB-UI");
        var page = await SignedInAsync("staff");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Publications" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New publication" }).ClickAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Better support, better protection (UI)");
        await page.GetByLabel("Title in French").FillAsync("Mieux soutenir, mieux protéger (UI)");
        await page.GetByLabel("Title in Dutch").FillAsync("Betere steun, betere bescherming (UI)");
        await page.GetByLabel("Type").SelectOptionAsync("Research");
        await page.GetByLabel("Link").FillAsync("https://ecpat.be/publications/better-support");
        await page.GetByLabel("PUB-UI – PUB-UI project").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record as a draft" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/reports/publications/[0-9a-f-]{36}$"));
        await Expect(page.Locator("#publication-status")).ToHaveTextAsync("Draft");
        await page.GetByLabel("Recommendation", new() { Exact = true }).FillAsync("Appoint a guardian within three days");
        await page.GetByLabel("Addressed to").SelectOptionAsync("Government");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the recommendation" }).ClickAsync();
        var recommendation = page.Locator("article").Filter(new() { HasText = "Appoint a guardian within three days" });
        await Expect(recommendation).ToContainTextAsync("Addressed to: Government");

        // Implemented needs evidence: refused, nothing written.
        await recommendation.Locator("summary").ClickAsync();
        await recommendation.GetByLabel("New status").SelectOptionAsync("Implemented");
        await recommendation.GetByRole(AriaRole.Button, new() { Name = "Change the status", Exact = true }).ClickAsync();
        await Expect(recommendation.GetByLabel("Evidence")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(recommendation).ToContainTextAsync("Say what shows it");
        Assert.Equal("Open", await App.ScalarAsync<string>("SELECT status FROM reports.recommendations WHERE text = 'Appoint a guardian within three days'"));

        await recommendation.GetByLabel("Evidence").FillAsync("Royal decree of 2 March 2010");
        await recommendation.GetByRole(AriaRole.Button, new() { Name = "Change the status", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Status changed.");
        await Expect(recommendation.Locator(".status")).ToHaveTextAsync("Implemented");
        await Expect(recommendation.Locator("table tbody tr")).ToContainTextAsync("Open to Implemented");
        await Expect(recommendation.Locator("table tbody tr")).ToContainTextAsync("Royal decree of 2 March 2010");

        await page.GetByLabel("Published on").FillAsync("2010-10-18");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Expect(page.Locator("#publication-status")).ToHaveTextAsync("Published on 18 October 2010");
        await page.GetByRole(AriaRole.Button, new() { Name = "Français" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mieux soutenir, mieux protéger (UI)");
    }

    public static TheoryData<string, string> Languages => new() { { "en", "English" }, { "fr", "Français" }, { "nl", "Nederlands" } };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_reports_pages_have_no_serious_accessibility_violations_in_each_language(string language, string languageButton)
    {
        var code = $"REACT-{language.ToUpperInvariant()}";
        // A year per language: the organisation's figures are this test's own.
        var year = language switch { "fr" => 2016, "nl" => 2017, _ => 2015 };
        var projectId = await ProjectAsync(code);
        var staff = await App.ClientAsync("staff");
        var indicatorId = await PeriodsKit.IndicatorAsync(staff, projectId);
        await (await PeriodsKit.RecordAsync(staff, projectId, indicatorId, $"{year}-01-01", $"{year}-06-30", 3200)).JsonAsync(HttpStatusCode.Created);
        await LogAsync(projectId,
            ($"{year}-03-01", "Presentation at the Council of Europe"), ($"{year}-05-18", "Training of guardians"), ($"{year}-09-12", "Meeting with MEPs"),
            ($"{year}-11-18", "European Day on the Protection of Children"));
        var report = await (await staff.PostAsJsonAsync("/api/donor-reports", new
        {
            title = $"ReACT report to the European Commission {year} ({language})", projectId, from = $"{year}-01-01", to = $"{year}-12-31",
            sections = new[] { new { heading = "Summary", body = "The leaflet on the rights of unaccompanied minors reached guardians and policy makers." } },
        })).JsonAsync(HttpStatusCode.Created);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = languageButton }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await BrowserFixture.SignInAsync(page, "manager");
        await Expect(page.GetByRole(AriaRole.Navigation)).ToBeVisibleAsync();
        var violations = new List<string>();
        async Task Check(string address, string name)
        {
            await page.GotoAsync(address);
            await Expect(page.Locator("main h1")).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, language, name);
            violations.AddRange((await BrowserFixture.SeriousViolationsAsync(page)).Select(v => $"{name}: {v}"));
        }

        await Check($"/reports/dashboards?from={year}-01-01&to={year}-12-31", "organisation-dashboard");
        await Expect(page.Locator("main h1")).ToHaveTextAsync(language switch
        {
            "fr" => "Tableau de bord de l’organisation", "nl" => "Dashboard van de organisatie", _ => "Organisation dashboard",
        });
        await Expect(Figure(page, language switch { "fr" => "Activités", "nl" => "Activiteiten", _ => "Activities" })).ToHaveTextAsync("4");
        await Check($"/reports/dashboards/projects/{projectId}?from={year}-01-01&to={year}-12-31", "project-dashboard");
        await Expect(page.Locator("#chart-indicators")).ToContainTextAsync(language == "fr" ? "64 %" : "64%");
        await Check("/reports/donor-reports", "donor-reports");
        await Check($"/reports/donor-reports/{report.GetProperty("id").GetGuid()}", "donor-report");
        await Expect(page.Locator("#activities")).ToContainTextAsync(language switch
        {
            "fr" => $"1 mars {year}", "nl" => $"1 maart {year}", _ => $"1 March {year}",
        });
        await Check("/reports/donor-reports/new", "donor-report-new");
        await Check("/reports/publications", "publications");

        Assert.Empty(violations);
    }
}
