using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using MiniExcelLibs;

namespace Advocacy.IntegrationTests.Reports;

/// <summary>
/// Donor reports over work logged through the Projects API: their scope, their figures against the
/// read model's dashboards, and their XLSX and CSV exports read back.
/// </summary>
public sealed class DonorReportTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    private HttpClient _client = null!;
    private Guid _react;
    private Guid _mario;

    private HttpClient _manager = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        _client = await app.ClientAsync(Roles.Staff);
        // A donor's report spans projects: managers write those (ADR 0016).
        _manager = await app.ClientAsync(Roles.Manager);
        _react = await CreateFundedProjectAsync("REACT", "European Commission");
        _mario = await CreateFundedProjectAsync("MARIO", "european commission ");
        await CreateFundedProjectAsync("GOLONDRINA", "Another donor");

        await LogAsync(_react, "meetingWithPolicyMakers", "2019-03-12", "Meeting with the Council of Europe", "FR", ("policyMakers", "female", 3), ("policyMakers", null, 2));
        await LogAsync(_react, "training", "2019-05-02", "=HYPERLINK(\"http://evil.example\",\"click\")", "BE", ("professionals", "male", 12));
        await LogAsync(_react, "workshop", "2019-05-20", "Workshop, \"guardians\"\nsecond line", "BE", ("children", "female", 20), ("children", "male", 18));
        await LogAsync(_react, "media", "2020-01-15", "Outside the period", "BE", ("generalPublic", null, 1000));
        await LogAsync(_mario, "awarenessCampaign", "2019-06-01", "Mario campaign in Romania: școli", "RO", ("children", null, 300));
        await Eventually.Get(async () =>
        {
            var dashboard = await _client.GetFromJsonAsync<JsonElement>("/api/reports/dashboards/organisation");
            return dashboard.GetProperty("topLine").GetProperty("activities").GetInt32() == 5 ? (object)dashboard : null;
        }, "the five activities in Reports");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> CreateFundedProjectAsync(string code, string donor)
    {
        var response = await _client.PostAsJsonAsync("/api/projects", new
        {
            code, name = $"{code} project", level = "european", startDate = "2018-01-01", endDate = "2021-12-31", countries = new[] { "BE", "RO" },
            organisations = new object[] { new { name = donor, role = "donor" }, new { name = "ECPAT Belgium", role = "lead", country = "BE" } },
            budgetAmount = 250000m, budgetCurrency = "EUR",
        });
        return (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private async Task LogAsync(Guid projectId, string type, string date, string title, string country, params (string Audience, string? Gender, int Count)[] reach)
    {
        var response = await _client.PostAsJsonAsync($"/api/projects/{projectId}/activities", new
        {
            type, date, title, country, reach = reach.Select(r => new { audience = r.Audience, gender = r.Gender, count = r.Count }),
        });
        await response.JsonAsync(HttpStatusCode.Created);
    }

    private async Task<Guid> CreateReportAsync(object request, HttpClient? client = null)
    {
        var created = await (await (client ?? _client).PostAsJsonAsync("/api/donor-reports", request)).JsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    private Task<Guid> ReactReportAsync() => CreateReportAsync(new
    {
        title = "ReACT: report to the European Commission 2019", projectId = _react, from = "2019-01-01", to = "2019-12-31",
        sections = new[] { new { heading = "Summary", body = "We reached professionals and children in Belgium." }, new { heading = "Challenges", body = "=1+1 is not a formula here." } },
    });

    [Fact]
    public async Task A_project_report_shows_the_same_figures_as_the_project_dashboard_for_its_period()
    {
        var id = await ReactReportAsync();

        var preview = await _client.GetFromJsonAsync<JsonElement>($"/api/donor-reports/{id}");
        var dashboard = await _client.GetFromJsonAsync<JsonElement>($"/api/reports/dashboards/projects/{_react}?from=2019-01-01&to=2019-12-31");

        var content = preview.GetProperty("content");
        Assert.Equal(dashboard.GetProperty("topLine").GetRawText(), content.GetProperty("totals").GetRawText());
        Assert.Equal(3, content.GetProperty("totals").GetProperty("activities").GetInt32());
        Assert.Equal(55, content.GetProperty("totals").GetProperty("reach").GetInt32());
        Assert.Equal(dashboard.GetProperty("monthly").GetRawText(), content.GetProperty("monthly").GetRawText());
        var byType = content.GetProperty("activitiesByType").EnumerateArray().ToDictionary(t => t.GetProperty("type").GetString()!, t => t.GetProperty("activities").GetInt32());
        Assert.Equal(dashboard.GetProperty("activitiesByType").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()), byType);
        var reachByAudience = content.GetProperty("reach").EnumerateArray().GroupBy(r => r.GetProperty("audience").GetString()!)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.GetProperty("people").GetInt32()));
        Assert.Equal(dashboard.GetProperty("reachByAudience").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()), reachByAudience);
        Assert.Equal(["Summary", "Challenges"], preview.GetProperty("report").GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("heading").GetString()!).ToArray());
        var reach = content.GetProperty("reach").EnumerateArray().Select(r => $"{r.GetProperty("audience").GetString()} {r.GetProperty("gender").GetString()} {r.GetProperty("people").GetInt32()}");
        Assert.Equal(["children Female 20", "children Male 18", "professionals Male 12", "policyMakers Female 3", "policyMakers Unknown 2"], reach.ToArray());

        var page = await _client.GetFromJsonAsync<JsonElement>($"/api/donor-reports/{id}/activities?pageSize=2&page=2");
        Assert.Equal(3, page.GetProperty("totalCount").GetInt32());
        Assert.Equal("2019-05-20", page.GetProperty("items")[0].GetProperty("date").GetString());
        Assert.Equal(38, page.GetProperty("items")[0].GetProperty("children").GetInt32());
    }

    [Fact]
    public async Task A_donor_report_covers_every_project_the_donor_funds_whatever_the_case_of_its_name()
    {
        var id = await CreateReportAsync(new { title = "EC 2019", donor = "EUROPEAN COMMISSION", from = "2019-01-01", to = "2019-12-31" }, _manager);

        var content = (await _manager.GetFromJsonAsync<JsonElement>($"/api/donor-reports/{id}")).GetProperty("content");

        Assert.Equal(["MARIO", "REACT"], content.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).ToArray());
        Assert.Equal(4, content.GetProperty("totals").GetProperty("activities").GetInt32());
        Assert.Equal(355, content.GetProperty("totals").GetProperty("reach").GetInt32());
    }

    [Fact]
    public async Task A_report_without_a_clear_scope_or_period_is_refused_and_nothing_is_written()
    {
        var bad = new object[]
        {
            new { title = "Both", projectId = _react, donor = "European Commission", from = "2019-01-01", to = "2019-12-31" },
            new { title = "Neither", from = "2019-01-01", to = "2019-12-31" },
            new { title = "Backwards", projectId = _react, from = "2019-12-31", to = "2019-01-01" },
            new { title = "Unknown project", projectId = Guid.NewGuid(), from = "2019-01-01", to = "2019-12-31" },
            new { title = "Unknown donor", donor = "Nobody Foundation", from = "2019-01-01", to = "2019-12-31" },
            new { title = "", projectId = _react, from = "2019-01-01", to = "2019-12-31", sections = new[] { new { heading = "", body = "x" } } },
        };
        string[][] expected = [["projectId"], ["projectId"], ["to"], ["projectId"], ["donor"], ["sections[0].heading", "title"]];

        for (var i = 0; i < bad.Length; i++)
        {
            var fields = await Api.ErrorFieldsAsync(await _manager.PostAsJsonAsync("/api/donor-reports", bad[i]));
            Assert.Equal(expected[i], fields.ToArray());
        }
        Assert.Equal(0, (await _client.GetFromJsonAsync<JsonElement>("/api/donor-reports")).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Editing_with_a_stale_version_gets_409_and_a_deleted_report_404()
    {
        var id = await ReactReportAsync();
        var report = (await _client.GetFromJsonAsync<JsonElement>($"/api/donor-reports/{id}")).GetProperty("report");
        var version = report.GetProperty("version").GetUInt32();
        var edit = new { title = "ReACT 2019, final", projectId = _react, from = "2019-01-01", to = "2019-06-30", version };

        await (await _client.PutAsJsonAsync($"/api/donor-reports/{id}", edit)).JsonAsync(HttpStatusCode.OK);
        await (await _client.PutAsJsonAsync($"/api/donor-reports/{id}", edit)).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("2019-06-30", (await _client.GetFromJsonAsync<JsonElement>($"/api/donor-reports/{id}")).GetProperty("report").GetProperty("to").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/donor-reports/{id}")).StatusCode);
        await (await _client.GetAsync($"/api/donor-reports/{id}")).JsonAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync($"/api/donor-reports/{id}/export?format=csv")).JsonAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_export_in_an_unknown_format_or_with_a_section_it_does_not_take_is_refused()
    {
        var id = await ReactReportAsync();
        var donorReport = await CreateReportAsync(new { title = "EC", donor = "European Commission", from = "2019-01-01", to = "2019-12-31" }, _manager);

        Assert.Equal(["format"], await Api.ErrorFieldsAsync(await _client.GetAsync($"/api/donor-reports/{id}/export")));
        Assert.Equal(["format"], await Api.ErrorFieldsAsync(await _client.GetAsync($"/api/donor-reports/{id}/export?format=docx")));
        Assert.Equal(["section"], await Api.ErrorFieldsAsync(await _client.GetAsync($"/api/donor-reports/{id}/export?format=xlsx&section=reach")));
        Assert.Equal(["section"], await Api.ErrorFieldsAsync(await _client.GetAsync($"/api/donor-reports/{id}/export?format=csv&section=nothing")));
        Assert.Equal(["format"], await Api.ErrorFieldsAsync(await _manager.GetAsync($"/api/donor-reports/{donorReport}/export?format=iati")));
        Assert.Empty((await _client.GetFromJsonAsync<JsonElement>($"/api/donor-reports/{id}/exports")).EnumerateArray());
    }

    [Fact]
    public async Task The_xlsx_export_has_a_sheet_per_section_with_real_numbers_and_dates_a_frozen_header_and_the_read_models_figures()
    {
        var id = await ReactReportAsync();
        var response = await _client.GetAsync($"/api/donor-reports/{id}/export?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        await AssertWorkbookMatchesReadModelAsync(bytes, activities: 3);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).ToList();
        Assert.Equal(11, sheets.Count);
        foreach (var sheet in sheets)
        {
            using var reader = new StreamReader(sheet.Open());
            Assert.Contains("state=\"frozen\"", await reader.ReadToEndAsync());
        }
    }

    /// <summary>Reads the workbook back and checks it against the project dashboard's figures for the same period.</summary>
    private async Task AssertWorkbookMatchesReadModelAsync(byte[] bytes, int activities)
    {
        var dashboard = await _client.GetFromJsonAsync<JsonElement>($"/api/reports/dashboards/projects/{_react}?from=2019-01-01&to=2019-12-31");
        using var stream = new MemoryStream(bytes);
        Assert.Equal(["Summary", "Narrative", "Projects", "Activities", "Activities by type", "Monthly", "Reach", "Countries", "Indicators", "Events", "Publications"],
            stream.GetSheetNames().ToArray());

        var rows = stream.Query(useHeaderRow: true, sheetName: "Activities").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(activities, rows.Count);
        Assert.IsType<DateTime>(rows[0]["Date"]);
        Assert.Equal(new DateTime(2019, 3, 12), rows[0]["Date"]);
        Assert.IsType<double>(rows[0]["Total reach"]);
        Assert.Equal(dashboard.GetProperty("topLine").GetProperty("reach").GetInt32(), rows.Sum(r => Convert.ToInt32(r["Total reach"])));
        // A title that a spreadsheet would run as a formula is neutralised; quotes, commas and line breaks survive.
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"click\")", rows[1]["Title"]);
        Assert.Equal("Workshop, \"guardians\"\nsecond line", rows[2]["Title"]);

        var summary = stream.Query(useHeaderRow: true, sheetName: "Summary").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["Item"]!, r => r);
        Assert.Equal(dashboard.GetProperty("topLine").GetProperty("activities").GetInt32(), Convert.ToInt32(summary["Activities"]["Number"]));
        Assert.Equal(dashboard.GetProperty("topLine").GetProperty("reach").GetInt32(), Convert.ToInt32(summary["People reached"]["Number"]));
        Assert.Equal(new DateTime(2019, 1, 1), summary["Period from"]["Date"]);

        var byType = stream.Query(useHeaderRow: true, sheetName: "Activities by type").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["Type"]!, r => Convert.ToInt32(r["Activities"]));
        Assert.Equal(dashboard.GetProperty("activitiesByType").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()), byType);
        var reach = stream.Query(useHeaderRow: true, sheetName: "Reach").Cast<IDictionary<string, object?>>()
            .GroupBy(r => (string)r["Audience"]!).ToDictionary(g => g.Key, g => g.Sum(r => Convert.ToInt32(r["People"])));
        Assert.Equal(dashboard.GetProperty("reachByAudience").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()), reach);
        var narrative = stream.Query(useHeaderRow: true, sheetName: "Narrative").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("'=1+1 is not a formula here.", narrative[1]["Text"]);
        // An empty section still has its header row.
        Assert.Equal(["Date", "Project", "Event", "Place", "Country", "Participants"],
            stream.Query(useHeaderRow: false, sheetName: "Events").Cast<IDictionary<string, object?>>().First().Values.Select(v => (string)v!).ToArray());
    }

    [Fact]
    public async Task The_csv_export_is_rfc_4180_utf_8_with_one_section_per_file()
    {
        var id = await ReactReportAsync();

        var response = await _client.GetAsync($"/api/donor-reports/{id}/export?format=csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);

        var lines = text.Split("\r\n");
        Assert.Equal("Date,Project,Type,Title,Place,Country,Children,Professionals,Policy makers,General public,Total reach", lines[0]);
        Assert.Equal("2019-03-12,REACT,meetingWithPolicyMakers,Meeting with the Council of Europe,,FR,0,0,5,0,5", lines[1]);
        Assert.Equal("2019-05-02,REACT,training,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",,BE,0,12,0,0,12", lines[2]);
        // A line break inside a quoted field is part of the field, not a new record.
        Assert.Equal("2019-05-20,REACT,workshop,\"Workshop, \"\"guardians\"\"\nsecond line\",,BE,38,0,0,0,38", lines[3]);
        Assert.Equal("", lines[^1]);
        Assert.Equal(5, lines.Length);

        var indicators = Encoding.UTF8.GetString(await _client.GetByteArrayAsync($"/api/donor-reports/{id}/export?format=csv&section=countries"));
        Assert.Equal("\uFEFFCountry,Activities,Reach\r\nBE,2,50\r\nFR,1,5\r\n", indicators);
    }

    [Fact]
    public async Task A_background_export_shows_its_progress_and_then_a_download_link_to_the_same_file()
    {
        var id = await ReactReportAsync();

        var accepted = await _client.GetAsync($"/api/donor-reports/{id}/export?format=xlsx&background=true");
        var job = await accepted.JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal($"/api/exports/{job.GetProperty("id").GetGuid()}", accepted.Headers.Location!.OriginalString);
        Assert.Equal(3, job.GetProperty("rowsTotal").GetInt64());

        var done = (JsonElement)await Eventually.Get(async () =>
        {
            var status = await _client.GetFromJsonAsync<JsonElement>(accepted.Headers.Location!.OriginalString);
            Assert.NotEqual("failed", status.GetProperty("status").GetString());
            return status.GetProperty("status").GetString() == "done" ? (object)status : null;
        }, "the export to finish");
        Assert.Equal(100, done.GetProperty("percent").GetInt32());
        Assert.Equal(3, done.GetProperty("rowsDone").GetInt64());
        var download = await _client.GetAsync(done.GetProperty("downloadUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(done.GetProperty("sizeBytes").GetInt64(), bytes.Length);
        await AssertWorkbookMatchesReadModelAsync(bytes, activities: 3);
        Assert.Single((await _client.GetFromJsonAsync<JsonElement>($"/api/donor-reports/{id}/exports")).EnumerateArray());
    }

    [Fact]
    public async Task The_iati_export_of_a_project_report_is_valid_iati_2_03_and_carries_the_read_models_figures()
    {
        var id = await ReactReportAsync();

        var response = await _client.GetAsync($"/api/donor-reports/{id}/export?format=iati");
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Empty(IatiActivityXmlTests.Validate(new MemoryStream(bytes)));
        var activity = System.Xml.Linq.XDocument.Load(new MemoryStream(bytes)).Root!.Element("iati-activity")!;
        Assert.EndsWith("-REACT", activity.Element("iati-identifier")!.Value);
        Assert.Equal("250000.00", activity.Element("budget")!.Element("value")!.Value);
        Assert.Equal(["BE", "RO"], activity.Elements("recipient-country").Select(c => c.Attribute("code")!.Value).ToArray());
        Assert.Equal("1", activity.Elements("participating-org").Single(o => o.Element("narrative")!.Value == "European Commission").Attribute("role")!.Value);
    }

    [Fact]
    public async Task The_pdf_export_reads_back_with_the_read_models_figures_narrative_and_activities()
    {
        var id = await ReactReportAsync();
        var dashboard = await _client.GetFromJsonAsync<JsonElement>($"/api/reports/dashboards/projects/{_react}?from=2019-01-01&to=2019-12-31");

        var response = await _client.GetAsync($"/api/donor-reports/{id}/export?format=pdf");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));

        Assert.Contains("ReACT: report to the European Commission 2019", text);
        Assert.Contains("2019-01-01", text);
        Assert.Contains("We reached professionals and children in Belgium.", text);
        Assert.Contains("Meeting with the Council of Europe", text);
        Assert.DoesNotContain("Outside the period", text);
        var topLine = dashboard.GetProperty("topLine");
        Assert.Contains($"Key figures {topLine.GetProperty("activities").GetInt32()} {topLine.GetProperty("reach").GetInt32()} " +
                        $"{topLine.GetProperty("eventsHeld").GetInt32()} {topLine.GetProperty("coalitionActivities").GetInt32()} Activities People reached", text);
        var reach = dashboard.GetProperty("reachByAudience");
        Assert.Contains($"Children {reach.GetProperty("children").GetInt32()} Professionals {reach.GetProperty("professionals").GetInt32()} " +
                        $"Policy makers {reach.GetProperty("policyMakers").GetInt32()}", text);
        Assert.Contains("2019-03 2019-04 2019-05 Month", text);
    }
}
