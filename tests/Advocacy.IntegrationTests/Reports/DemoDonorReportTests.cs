using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.IntegrationTests.Projects;

namespace Advocacy.IntegrationTests.Reports;

/// <summary>The demo's donor report covers the demo donor's projects, ReACT and Mario, with their figures.</summary>
public sealed class DemoDonorReportTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task The_demo_donor_report_adds_up_the_react_and_mario_dashboards()
    {
        var client = await app.ClientAsync(Roles.Manager);
        var reports = await client.GetFromJsonAsync<JsonElement>("/api/donor-reports");
        var id = reports.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid();

        var content = (JsonElement)await Eventually.Get(async () =>
        {
            var body = (await client.GetFromJsonAsync<JsonElement>($"/api/donor-reports/{id}")).GetProperty("content");
            return body.GetProperty("projects").GetArrayLength() == 2 ? (object)body : null;
        }, "ReACT and Mario in Reports");

        Assert.Equal(["MARIO", "REACT"], content.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).ToArray());
        var activities = 0;
        var reach = 0;
        foreach (var project in content.GetProperty("projects").EnumerateArray())
        {
            var dashboard = await Eventually.Get(async () =>
            {
                var body = await client.GetFromJsonAsync<JsonElement>(
                    $"/api/reports/dashboards/projects/{project.GetProperty("projectId").GetGuid()}?from=2014-01-01&to=2017-12-31");
                return body.GetProperty("topLine").GetProperty("activities").GetInt32() > 0 ? (object)body : null;
            }, "the project's activities in Reports");
            activities += ((JsonElement)dashboard).GetProperty("topLine").GetProperty("activities").GetInt32();
            reach += ((JsonElement)dashboard).GetProperty("topLine").GetProperty("reach").GetInt32();
        }
        var totals = (await client.GetFromJsonAsync<JsonElement>($"/api/donor-reports/{id}")).GetProperty("content").GetProperty("totals");
        Assert.Equal((activities, reach), (totals.GetProperty("activities").GetInt32(), totals.GetProperty("reach").GetInt32()));
        Assert.True(activities > 0);
    }
}
