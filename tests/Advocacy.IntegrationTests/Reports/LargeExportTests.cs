using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using MiniExcelLibs;
using Xunit.Abstractions;

namespace Advocacy.IntegrationTests.Reports;

/// <summary>
/// A 100,000-activity project exports in bounded memory: the process's live heap while it exports
/// grows no more than while it exports a tenth of that. It runs alone: the heap is the whole test process's,
/// and other classes running beside it would add their own garbage to the measure.
/// </summary>
[Collection(Name)]
public sealed class LargeExportTests(AdvocacyApp app, ITestOutputHelper output) : IClassFixture<AdvocacyApp>
{
    public const string Name = "Alone: heap measures";

    [Fact]
    public async Task A_100000_activity_project_exports_to_xlsx_in_bounded_memory_and_every_row_is_there()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var small = await SeedProjectAsync(client, "SMALL", 10_000);
        var large = await SeedProjectAsync(client, "LARGE", 100_000);

        var (smallBytes, smallGrowth) = await ExportMeasuringMemoryAsync(client, small);
        var (largeBytes, largeGrowth) = await ExportMeasuringMemoryAsync(client, large);
        output.WriteLine($"Live heap growth while exporting: 10,000 activities {smallGrowth / 1e6:F1} MB ({smallBytes.Length / 1e6:F1} MB file); " +
                         $"100,000 activities {largeGrowth / 1e6:F1} MB ({largeBytes.Length / 1e6:F1} MB file)");

        // Holding the rows or the file in memory would grow with them (100,000 rows are tens of MB).
        Assert.True(largeGrowth < smallGrowth + 16_000_000, $"Memory grew with the rows: {smallGrowth / 1e6:F1} MB, then {largeGrowth / 1e6:F1} MB.");
        using var stream = new MemoryStream(largeBytes);
        long rows = 0, reach = 0;
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: true, sheetName: "Activities"))
        {
            rows++;
            reach += Convert.ToInt64(row["Total reach"]);
        }
        Assert.Equal(100_000, rows);
        Assert.Equal(await app.ScalarAsync<long>("SELECT sum(total_reach) FROM reports.activity_facts WHERE project_id = $1", large), reach);
    }

    /// <summary>
    /// A project made through the API, and its activities written straight into Reports' read model:
    /// 100,000 activities through the bus would take minutes and test the bus, not the export.
    /// </summary>
    private async Task<Guid> SeedProjectAsync(HttpClient client, string code, int activities)
    {
        var projectId = await Api.CreateProjectAsync(client, code);
        await Eventually.Get(async () =>
            (await client.GetAsync($"/api/reports/projects/{projectId}")).StatusCode == HttpStatusCode.OK ? (object)true : null, $"{code} in Reports");
        await using var connection = await app.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO reports.activity_facts (activity_id, project_id, type, date, title, place, country, total_reach, deleted, updated_at)
            SELECT gen_random_uuid(), @project, 'Training', DATE '2015-01-01' + (i % 3650), 'Training of hotel staff, session ' || i, 'Brussels', 'BE', i % 50, false, now()
            FROM generate_series(1, @count) AS i;
            INSERT INTO reports.reach_facts (activity_id, audience, gender, count)
            SELECT activity_id, 'Professionals', 'Unknown', total_reach FROM reports.activity_facts WHERE project_id = @project;
            """;
        command.Parameters.AddWithValue("project", projectId);
        command.Parameters.AddWithValue("count", activities);
        await command.ExecuteNonQueryAsync();
        return projectId;
    }

    /// <summary>Exports in the background while sampling the live heap (after a full collection), and downloads the file.</summary>
    private static async Task<(byte[] File, long Growth)> ExportMeasuringMemoryAsync(HttpClient client, Guid projectId)
    {
        var report = await (await client.PostAsJsonAsync("/api/donor-reports", new
        {
            title = "Large export", projectId, from = "2015-01-01", to = "2025-12-31",
        })).JsonAsync(HttpStatusCode.Created);

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                await Task.Delay(50);
            }
        });
        var accepted = await client.GetAsync($"/api/donor-reports/{report.GetProperty("id").GetGuid()}/export?format=xlsx&background=true");
        await accepted.JsonAsync(HttpStatusCode.Accepted);
        var done = (JsonElement)await Eventually.Get(async () =>
        {
            var job = await client.GetFromJsonAsync<JsonElement>(accepted.Headers.Location!.OriginalString);
            Assert.NotEqual("failed", job.GetProperty("status").GetString());
            return job.GetProperty("status").GetString() == "done" ? (object)job : null;
        }, "the export to finish", TimeSpan.FromMinutes(3));
        await sampling.CancelAsync();
        await sampler;

        var file = await client.GetByteArrayAsync(done.GetProperty("downloadUrl").GetString());
        return (file, peak - baseline);
    }
}

/// <summary>Runs its tests after all others, one at a time, with nothing beside them.</summary>
[CollectionDefinition(LargeExportTests.Name, DisableParallelization = true)]
public sealed class HeapMeasureCollection;
