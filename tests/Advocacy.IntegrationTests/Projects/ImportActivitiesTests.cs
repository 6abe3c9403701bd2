using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using MiniExcelLibs;
using Xunit.Abstractions;

namespace Advocacy.IntegrationTests.Projects;

public sealed class ImportActivitiesTests(AdvocacyApp app, ITestOutputHelper output) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string Header = "date,type,title,notes,place,country,children,professionals_female,professionals_male,policy_makers";

    private async Task<(HttpClient Client, Guid ProjectId)> GolondrinaAsync()
    {
        var client = await app.ClientAsync(Roles.Staff);
        return (client, await Api.CreateProjectAsync(client, "GOLONDRINA", "2010-01-01", "2014-12-31", "international"));
    }

    private static Task<HttpResponseMessage> Upload(HttpClient client, Guid projectId, byte[] file, string fileName, string query = "")
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv") ? "text/csv" : "application/octet-stream");
        form.Add(content, "file", fileName);
        return client.PostAsync($"/api/projects/{projectId}/activities/import{query}", form);
    }

    private async Task<long> Written() =>
        await app.ScalarAsync<long>("SELECT (SELECT count(*) FROM projects.activities) + (SELECT count(*) FROM projects.outbox_messages WHERE type LIKE '%Activity%')");

    private static readonly string GoodCsv = string.Join("\n",
        Header,
        "2011-03-14,awarenessCampaign,School campaign in Santafe,\"Workshops in 6 schools, with teachers\",Santafe,CO,900,60,40,",
        "2011-05-02,Awareness campaign,School campaign in Candelaria,,Candelaria,co,700,90,50,",
        "2011-09-19,awareness_campaign,School campaign in San Cristobal,,San Cristobal,CO,500,80,60,",
        "2013-02-11,meetingWithPolicyMakers,Meeting the local government of Bogotá,Prevention in development programmes,Bogotá,CO,,,,4");

    [Fact]
    public async Task A_clean_csv_imports_every_row_with_its_reach()
    {
        var (client, projectId) = await GolondrinaAsync();

        var result = await (await Upload(client, projectId, Encoding.UTF8.GetBytes(GoodCsv), "golondrina.csv")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(4, result.GetProperty("importedCount").GetInt32());
        Assert.Equal(2100L, await app.ScalarAsync<long>(
            "SELECT sum((r->>'Count')::int) FROM projects.activities, jsonb_array_elements(reach) r WHERE r->>'Audience' = 'Children'"));
        Assert.Equal(380L, await app.ScalarAsync<long>(
            "SELECT sum((r->>'Count')::int) FROM projects.activities, jsonb_array_elements(reach) r WHERE r->>'Audience' = 'Professionals'"));
        Assert.Equal(4L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.outbox_messages WHERE type LIKE '%ActivityLogged%'"));
        Assert.Equal(4L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.activities WHERE source = 'Import'"));
        // COPY bypasses the change tracker; each activity still has its audit entry, with who imported it.
        Assert.Equal(4L, await app.ScalarAsync<long>(
            "SELECT count(*) FROM projects.audit_entries a JOIN projects.activities x ON a.entity_id = x.id::text "
            + "WHERE a.entity = 'Activity' AND a.action = 'added' AND a.user_id = x.logged_by AND a.after->>'title' = x.title"));
    }

    [Fact]
    public async Task A_file_with_one_bad_row_imports_nothing_and_names_that_row_its_column_and_the_reason()
    {
        var (client, projectId) = await GolondrinaAsync();
        var csv = GoodCsv.Replace("2011-05-02,Awareness campaign,School campaign in Candelaria,,Candelaria,co,700",
                                  "2011-05-02,Awareness campaign,School campaign in Candelaria,,Candelaria,co,-700");

        var problem = await (await Upload(client, projectId, Encoding.UTF8.GetBytes(csv), "golondrina.csv")).JsonAsync(HttpStatusCode.BadRequest);

        var row = Assert.Single(problem.GetProperty("rows").EnumerateArray());
        Assert.Equal(3, row.GetProperty("row").GetInt32());
        Assert.Equal("children", row.GetProperty("column").GetString());
        Assert.Contains("between 0 and", row.GetProperty("message").GetString());
        Assert.Equal(0, problem.GetProperty("importedCount").GetInt32());
        Assert.Equal(0L, await Written());
    }

    [Fact]
    public async Task Every_bad_cell_of_every_bad_row_is_reported()
    {
        var (client, projectId) = await GolondrinaAsync();
        var csv = string.Join("\n", Header,
            "14/03/2011,awarenessCampaign,Fine row,,,CO,10,,,",
            "not a date,lobbying,,,,XX,ten,,,",
            "2019-01-01,training,After the project ended,,,CO,,,,");

        var problem = await (await Upload(client, projectId, Encoding.UTF8.GetBytes(csv), "bad.csv")).JsonAsync(HttpStatusCode.BadRequest);

        var cells = problem.GetProperty("rows").EnumerateArray()
            .Select(r => $"{r.GetProperty("row").GetInt32()}:{r.GetProperty("column").GetString()}").ToArray();
        Assert.Equal(["3:date", "3:type", "3:title", "3:country", "3:children", "4:date"], cells);
        Assert.Equal(0L, await Written());
    }

    [Fact]
    public async Task With_goodRowsOnly_the_good_rows_are_imported_and_the_bad_ones_listed()
    {
        var (client, projectId) = await GolondrinaAsync();
        var csv = GoodCsv + "\n2011-13-45,training,Impossible date,,,CO,,,,";

        var result = await (await Upload(client, projectId, Encoding.UTF8.GetBytes(csv), "golondrina.csv", "?goodRowsOnly=true"))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal(4, result.GetProperty("importedCount").GetInt32());
        Assert.Equal(6, Assert.Single(result.GetProperty("rejectedRows").EnumerateArray()).GetProperty("row").GetInt32());
        Assert.Equal(4L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.activities"));
    }

    [Fact]
    public async Task An_xlsx_sheet_imports_with_real_dates_numbers_and_gender_columns()
    {
        var (client, projectId) = await GolondrinaAsync();
        var rows = new[]
        {
            new Dictionary<string, object?>
            {
                ["Date"] = new DateTime(2011, 3, 14), ["Type"] = "Awareness campaign", ["Title"] = "School campaign in Santafe",
                ["Country"] = "CO", ["Children female"] = 480d, ["Children male"] = 420d, ["Professionals"] = 100d,
            },
        };
        using var sheet = new MemoryStream();
        await sheet.SaveAsAsync(rows, excelType: ExcelType.XLSX);

        var result = await (await Upload(client, projectId, sheet.ToArray(), "golondrina.xlsx")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, result.GetProperty("importedCount").GetInt32());
        var activity = (await client.GetFromJsonAsync<JsonElement>($"/api/activities?projectId={projectId}")).GetProperty("items")[0];
        Assert.Equal("2011-03-14", activity.GetProperty("date").GetString());
        Assert.Equal(1000, activity.GetProperty("totalReach").GetInt32());
        Assert.Contains(activity.GetProperty("reach").EnumerateArray(),
            r => r.GetProperty("audience").GetString() == "children" && r.GetProperty("gender").GetString() == "female" && r.GetProperty("count").GetInt32() == 480);
    }

    [Fact]
    public async Task A_semicolon_separated_csv_as_Excel_saves_it_in_Belgium_imports()
    {
        var (client, projectId) = await GolondrinaAsync();
        var csv = "date;type;title;country;children\n2011-03-14;awarenessCampaign;Campagne à Santafe, avec les écoles;CO;900\n";

        var result = await (await Upload(client, projectId, Encoding.UTF8.GetBytes(csv), "golondrina.csv")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, result.GetProperty("importedCount").GetInt32());
        Assert.Equal("Campagne à Santafe, avec les écoles", await app.ScalarAsync<string>("SELECT title FROM projects.activities"));
    }

    [Theory]
    [InlineData("notes.txt", "date,type,title\n2011-01-01,training,x", "Unsupported file")]
    [InlineData("broken.xlsx", "this is not a zip archive", "Unreadable file")]
    [InlineData("typo.csv", "date,type,titel\n2011-01-01,training,x", "The file has errors; nothing was imported")]
    [InlineData("empty.csv", "date,type,title\n", "The file has errors; nothing was imported")]
    public async Task Files_that_cannot_be_imported_get_a_clear_400_and_write_nothing(string fileName, string content, string title)
    {
        var (client, projectId) = await GolondrinaAsync();

        var problem = await (await Upload(client, projectId, Encoding.UTF8.GetBytes(content), fileName)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(0L, await Written());
    }

    [Fact]
    public async Task The_template_downloads_and_imports_as_it_is()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await Api.CreateProjectAsync(client, "HOTEL-CODE", "2014-01-01", level: "national");

        var template = await client.GetByteArrayAsync("/api/activities/import-template.csv");
        var result = await (await Upload(client, projectId, template, "template.csv")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, result.GetProperty("importedCount").GetInt32());
    }

    [Fact]
    public async Task An_imported_activity_is_stored_exactly_as_a_hand_logged_one()
    {
        var (client, projectId) = await GolondrinaAsync();
        await (await client.PostAsJsonAsync($"/api/projects/{projectId}/activities", new
        {
            type = "awarenessCampaign", date = "2011-03-14", title = "By hand", country = "CO",
            reach = new object[]
            {
                new { audience = "children", gender = "female", count = 480 },
                new { audience = "professionals", count = 100 },
            },
        })).JsonAsync(HttpStatusCode.Created);
        var csv = "date,type,title,country,children_female,professionals\n2011-03-14,awarenessCampaign,Imported,CO,480,100\n";
        await (await Upload(client, projectId, Encoding.UTF8.GetBytes(csv), "one.csv")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(1L, await app.ScalarAsync<long>("""
            SELECT count(DISTINCT (type, date, country, reach, indicator_ids, logged_by, logged_at::date)) FROM projects.activities
            """));
        var activities = (await client.GetFromJsonAsync<JsonElement>($"/api/activities?projectId={projectId}&sort=title")).GetProperty("items");
        Assert.Equal(activities[0].GetProperty("reach").GetRawText(), activities[1].GetProperty("reach").GetRawText());
        var payloads = await app.ScalarAsync<long>(
            "SELECT count(DISTINCT payload->'activity'->'reach') FROM projects.outbox_messages WHERE type LIKE '%ActivityLogged%'");
        Assert.Equal(1L, payloads);
    }

    [Fact]
    public async Task Ten_thousand_rows_import_in_one_go()
    {
        var (client, projectId) = await GolondrinaAsync();
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 10_000; i++)
        {
            csv.Append($"2012-{i % 12 + 1:00}-{i % 28 + 1:00},awarenessCampaign,School session {i},,Bogotá,CO,{i % 90},{i % 7},{i % 5},\n");
        }

        var stopwatch = Stopwatch.StartNew();
        var result = await (await Upload(client, projectId, Encoding.UTF8.GetBytes(csv.ToString()), "big.csv")).JsonAsync(HttpStatusCode.OK);
        output.WriteLine($"10,000-row import took {stopwatch.Elapsed.TotalSeconds:0.0} s");

        Assert.Equal(10_000, result.GetProperty("importedCount").GetInt32());
        Assert.Equal(10_000L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.activities"));
        Assert.Equal(10_000L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.outbox_messages WHERE type LIKE '%ActivityLogged%'"));
    }
}
