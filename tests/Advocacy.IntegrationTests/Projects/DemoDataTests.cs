using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.Modules.Coalitions;
using Advocacy.Modules.Events;
using Advocacy.Modules.Projects;

namespace Advocacy.IntegrationTests.Projects;

/// <summary>The host started as the run command starts it: with the demo data from the seed texts.</summary>
public sealed class DemoApp : AdvocacyApp
{
    protected override bool SeedDemoData => true;
}

public sealed class DemoDataTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task The_seed_texts_projects_and_their_work_are_there_after_start()
    {
        var client = await app.ClientAsync(Roles.Manager);

        var projects = await client.GetFromJsonAsync<JsonElement>("/api/projects");
        Assert.Equal(["DAKAR-MAP", "GOLONDRINA", "HOTEL-CODE", "MARIO", "PTWC-RO", "REACT", "TASEC"],
            projects.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).ToArray());
        var mario = projects.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "MARIO");
        Assert.Contains(mario.GetProperty("organisations").EnumerateArray(),
            o => o.GetProperty("name").GetString() == "Terre des Hommes" && o.GetProperty("role").GetString() == "coordinator");

        var golondrina = projects.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "GOLONDRINA").GetProperty("id").GetGuid();
        var campaign = await client.GetFromJsonAsync<JsonElement>($"/api/activities?projectId={golondrina}&type=awarenessCampaign");
        var reach = campaign.GetProperty("items").EnumerateArray().SelectMany(a => a.GetProperty("reach").EnumerateArray()).ToList();
        Assert.Equal(2100, reach.Where(r => r.GetProperty("audience").GetString() == "children").Sum(r => r.GetProperty("count").GetInt32()));
        Assert.Equal(380, reach.Where(r => r.GetProperty("audience").GetString() == "professionals").Sum(r => r.GetProperty("count").GetInt32()));

        var trainings = await client.GetFromJsonAsync<JsonElement>("/api/activities?type=training&sort=date");
        Assert.Equal(["2015-09-08", "2015-09-22", "2015-09-29"],
            trainings.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("date").GetString()!).ToArray());

        Assert.Equal(26L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.deliverable_languages"));
        Assert.Equal(5L, await app.ScalarAsync<long>("SELECT count(*) FROM coalitions.coalitions"));
        Assert.Equal(5L, await app.ScalarAsync<long>("SELECT count(*) FROM events.events"));
    }

    [Fact]
    public async Task The_demo_projects_reach_the_Reports_read_model()
    {
        var client = await app.ClientAsync(Roles.Manager);

        await Eventually.Get(async () =>
        {
            var summaries = await client.GetFromJsonAsync<List<JsonElement>>("/api/reports/projects");
            return summaries!.Count == 7 ? summaries : null;
        }, "the seven demo projects in Reports' read model");
    }

    [Fact]
    public async Task Loading_the_demo_data_again_changes_nothing()
    {
        var before = await app.ScalarAsync<long>(
            "SELECT (SELECT count(*) FROM projects.projects) + (SELECT count(*) FROM projects.activities) + (SELECT count(*) FROM projects.outbox_messages) + (SELECT count(*) FROM projects.deliverables)");

        await app.Services.SeedProjectsDemoDataAsync(CancellationToken.None);
        await app.Services.SeedCoalitionsDemoDataAsync(CancellationToken.None);
        await app.Services.SeedEventsDemoDataAsync(CancellationToken.None);

        Assert.Equal(before, await app.ScalarAsync<long>(
            "SELECT (SELECT count(*) FROM projects.projects) + (SELECT count(*) FROM projects.activities) + (SELECT count(*) FROM projects.outbox_messages) + (SELECT count(*) FROM projects.deliverables)"));
        Assert.Equal(5L, await app.ScalarAsync<long>("SELECT count(*) FROM coalitions.coalitions"));
    }

    [Fact]
    public async Task The_demo_users_sign_in_with_the_demo_password()
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { email = "staff@demo.advocacy.local", password = AdvocacyApp.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
