using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.IntegrationTests.Projects;

namespace Advocacy.IntegrationTests.Reports;

/// <summary>The dashboards over the demo data, whose figures follow from the seed texts.</summary>
public sealed class DashboardTests(DemoApp app) : IClassFixture<DemoApp>
{
    private async Task<(HttpClient Client, JsonElement Dashboard)> OrganisationWhenSettledAsync()
    {
        var client = await app.ClientAsync(Roles.Manager);
        var dashboard = await Eventually.Get(async () =>
        {
            var body = await client.GetFromJsonAsync<JsonElement>("/api/reports/dashboards/organisation");
            return body.GetProperty("topLine").GetProperty("activities").GetInt32() == 16 ? (object)body : null;
        }, "the 16 demo activities in Reports");
        return (client, (JsonElement)dashboard);
    }

    [Fact]
    public async Task The_organisation_dashboard_adds_up_the_demo_work_by_month_level_and_country()
    {
        var (_, dashboard) = await OrganisationWhenSettledAsync();

        Assert.Equal(7, dashboard.GetProperty("projects").GetInt32());
        Assert.Equal(6705, dashboard.GetProperty("topLine").GetProperty("reach").GetInt32());
        var september2015 = dashboard.GetProperty("monthly").EnumerateArray().Single(m => m.GetProperty("month").GetString() == "2015-09");
        Assert.Equal((3, 37), (september2015.GetProperty("activities").GetInt32(), september2015.GetProperty("reach").GetInt32()));
        Assert.Equal("2011-03", dashboard.GetProperty("monthly")[0].GetProperty("month").GetString());
        var levels = dashboard.GetProperty("byLevel").EnumerateArray()
            .Select(l => $"{l.GetProperty("key").GetString()} {l.GetProperty("projects").GetInt32()} {l.GetProperty("activities").GetInt32()} {l.GetProperty("reach").GetInt32()}");
        Assert.Equal(["national 1 3 37", "european 3 7 4077", "international 3 6 2591"], levels.ToArray());
        Assert.Equal("BE", dashboard.GetProperty("byCountry")[0].GetProperty("key").GetString());
        // The ReACT report's 2 recommendations and the Global Monitoring Report's 4 priority actions, all open, newest first.
        var recommendations = dashboard.GetProperty("recommendations");
        Assert.Equal(6, recommendations.GetProperty("byStatus").GetProperty("open").GetInt32());
        Assert.Equal(6, recommendations.GetProperty("open").GetArrayLength());
        Assert.Equal("Better support, better protection", recommendations.GetProperty("open")[0].GetProperty("publicationTitle").GetString());
        Assert.Equal(9, dashboard.GetProperty("byCountry")[0].GetProperty("activities").GetInt32());
    }

    [Fact]
    public async Task A_project_dashboard_shows_its_work_and_its_indicators_against_target_for_a_period()
    {
        var (client, _) = await OrganisationWhenSettledAsync();
        var golondrina = (await client.GetFromJsonAsync<JsonElement>("/api/projects?search=golondrina")).GetProperty("items")[0].GetProperty("id").GetGuid();

        var dashboard = await Eventually.Get(async () =>
        {
            var body = await client.GetFromJsonAsync<JsonElement>($"/api/reports/dashboards/projects/{golondrina}?from=2011-01-01&to=2011-12-31");
            return body.GetProperty("indicators").GetArrayLength() == 2 ? (object)body : null;
        }, "Golondrina's indicators in Reports");
        var d = (JsonElement)dashboard;

        Assert.Equal((3, 2480), (d.GetProperty("topLine").GetProperty("activities").GetInt32(), d.GetProperty("topLine").GetProperty("reach").GetInt32()));
        Assert.Equal(2100, d.GetProperty("reachByAudience").GetProperty("children").GetInt32());
        Assert.Equal(3, d.GetProperty("activitiesByType").GetProperty("awarenessCampaign").GetInt32());
        var indicators = d.GetProperty("indicators").EnumerateArray()
            .Select(i => $"{i.GetProperty("code").GetString()} {i.GetProperty("target").GetDecimal():0} {i.GetProperty("actual").GetDecimal():0} {i.GetProperty("progress").GetDecimal():0.##}");
        Assert.Equal(["1.1 2000 2100 1.05", "1.2 400 380 0.95"], indicators.ToArray());
    }

    [Fact]
    public async Task A_backwards_period_gets_400_and_an_unknown_project_404()
    {
        var client = await app.ClientAsync(Roles.Manager);

        await (await client.GetAsync("/api/reports/dashboards/organisation?from=2016-01-01&to=2015-01-01")).JsonAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync($"/api/reports/dashboards/projects/{Guid.NewGuid()}")).JsonAsync(HttpStatusCode.NotFound);
    }
}

/// <summary>A project's dashboard lists the recommendations of the publications linked to it, and only those.</summary>
public sealed class ProjectDashboardRecommendationTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_project_dashboard_counts_the_recommendations_of_its_own_published_publications()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var react = await Publications.PublicationsKit.ProjectKnownToReportsAsync(app, client, "REACT");
        var mario = await Publications.PublicationsKit.ProjectKnownToReportsAsync(app, client, "MARIO");
        async Task Publish(string title, Guid project, params string[] recommendations)
        {
            var draft = await Publications.PublicationsKit.CreateAsync(client, Publications.PublicationsKit.Draft(title, projectIds: [project]));
            foreach (var text in recommendations)
            {
                await (await client.PostAsJsonAsync($"/api/publications/{draft.GetProperty("id").GetGuid()}/recommendations",
                    new { text, addressedTo = "professionals" })).JsonAsync(HttpStatusCode.Created);
            }
            var read = await client.GetFromJsonAsync<JsonElement>($"/api/publications/{draft.GetProperty("id").GetGuid()}");
            await Publications.PublicationsKit.PublishAsync(client, read);
        }
        await Publish("Better support, better protection", react, "Train guardians to identify child victims", "Inform children of their rights");
        await Publish("Children on the move", mario, "Protect children in reception centres");

        var dashboard = await client.GetFromJsonAsync<JsonElement>($"/api/reports/dashboards/projects/{react}");

        var recommendations = dashboard.GetProperty("recommendations");
        Assert.Equal(2, recommendations.GetProperty("byStatus").GetProperty("open").GetInt32());
        Assert.All(recommendations.GetProperty("open").EnumerateArray(),
            r => Assert.Equal("Better support, better protection", r.GetProperty("publicationTitle").GetString()));
    }
}
