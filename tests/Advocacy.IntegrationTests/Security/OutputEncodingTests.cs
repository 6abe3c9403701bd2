using System.Net;
using System.Net.Http.Json;
using System.Text;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.IntegrationTests.Pages;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Advocacy.IntegrationTests.Security;

/// <summary>User text is data everywhere it goes out: no spreadsheet formula in CSV or XLSX exports, no markup in pages.</summary>
public sealed class OutputEncodingTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    private static readonly string[] Hostile = ["=1+1", "+SUM(A1:A2)", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)", "<script>alert('x')</script>"];

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Titles_starting_with_equals_plus_minus_or_at_are_neutralised_in_csv_and_xlsx_exports_and_encoded_in_pages()
    {
        var staff = await app.ClientAsync(Roles.Staff);
        var projectId = await Api.CreateProjectAsync(staff, "INJECT", "2015-01-01");
        for (var i = 0; i < Hostile.Length; i++)
        {
            await (await staff.PostAsJsonAsync($"/api/projects/{projectId}/activities", new
            {
                type = "workshop", date = $"2016-03-0{i + 1}", title = Hostile[i], country = "BE",
            })).JsonAsync(HttpStatusCode.Created);
        }
        var admin = await app.ClientAsync(Roles.Admin);
        var report = (await (await admin.PostAsJsonAsync("/api/donor-reports", new
        {
            title = "=HYPERLINK(\"http://evil.example\")", projectId, from = "2016-01-01", to = "2016-12-31", sections = Array.Empty<object>(),
        })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var csv = await Eventually.Get(async () =>
        {
            var text = Encoding.UTF8.GetString(await admin.GetByteArrayAsync($"/api/donor-reports/{report}/export?format=csv"));
            return text.Split("\r\n").Length == Hostile.Length + 2 ? text : null;
        }, "the five activities in the donor report");
        var csvTitles = csv.Split("\r\n")[1..^1].Select(line => line.Split(',')[3].Trim('"').Replace("\"\"", "\"")).ToList();
        Assert.Equal(["'=1+1", "'+SUM(A1:A2)", "'-2+3+cmd|' /C calc'!A0", "'@SUM(1+1)", "<script>alert('x')</script>"], csvTitles);

        await using var xlsx = new MemoryStream(await admin.GetByteArrayAsync($"/api/donor-reports/{report}/export?format=xlsx"));
        var rows = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Activities").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(csvTitles, rows.Select(r => (string)r["Title"]!).ToList());
        xlsx.Position = 0;
        var summary = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Summary").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("'=HYPERLINK(\"http://evil.example\")", summary.Single(r => (string?)r["Item"] == "Report")["Text"]);

        using var page = await PageClient.SignInAsync(app, Roles.Staff);
        var html = await page.GetAsync("/projects/activities/mine");
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert(", html);
    }
}
