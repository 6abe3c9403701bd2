using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.IntegrationTests.Projects;
using Advocacy.Modules.Projects;

namespace Advocacy.IntegrationTests.Advocacy;

/// <summary>The demo's advocacy story, told from the seed texts.</summary>
public sealed class AdvocacyDemoTests(DemoApp app) : IClassFixture<DemoApp>
{
    private static async Task<Guid> ProjectAsync(HttpClient client, string code) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/projects?search={code}")).GetProperty("items").EnumerateArray()
            .Single(p => p.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();

    [Fact]
    public async Task The_stakeholders_the_seeds_name_are_there()
    {
        var client = await app.ClientAsync(Roles.Staff);

        var all = (await client.GetFromJsonAsync<JsonElement>("/api/stakeholders")).GetProperty("items").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!);

        Assert.Equal(["ACCOR Belgium", "Council of Europe", "European institutions", "French-speaking Brussels Parliament", "The 47 States Parties"],
            all.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Council of Europe", all["The 47 States Parties"].GetProperty("parentName").GetString());
        Assert.Equal(("parliament", "regional", "BE"), (all["French-speaking Brussels Parliament"].GetProperty("kind").GetString(),
            all["French-speaking Brussels Parliament"].GetProperty("level").GetString(), all["French-speaking Brussels Parliament"].GetProperty("country").GetString()));
        Assert.Equal("company", all["ACCOR Belgium"].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_network_statement_is_Marios_ask_to_the_European_institutions_and_a_meeting_records_their_answer()
    {
        var client = await app.ClientAsync(Roles.Manager);
        var mario = await ProjectAsync(client, "MARIO");

        var ask = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/projects/{mario}/asks")).GetProperty("items").EnumerateArray());
        Assert.Equal(("statement", "ECPAT statement on the protection of refugee and migrant children", "2015-10-28", "open"),
            (ask.GetProperty("source").GetString(), ask.GetProperty("sourceTitle").GetString(), ask.GetProperty("openedOn").GetString(), ask.GetProperty("status").GetString()));
        Assert.Equal("European institutions", Assert.Single(ask.GetProperty("targets").EnumerateArray()).GetProperty("name").GetString());

        var meeting = (await client.GetFromJsonAsync<JsonElement>($"/api/activities?projectId={mario}&type=meetingWithPolicyMakers")).GetProperty("items")
            .EnumerateArray().Single();
        Assert.EndsWith("(demo)", meeting.GetProperty("title").GetString());
        var outcome = await client.GetFromJsonAsync<JsonElement>($"/api/activities/{meeting.GetProperty("id").GetGuid()}/outcome");
        var answer = Assert.Single(outcome.GetProperty("stakeholders").EnumerateArray());
        Assert.Equal(("European institutions", "neutral"), (answer.GetProperty("stakeholder").GetProperty("name").GetString(), answer.GetProperty("response").GetString()));
        Assert.StartsWith("Demo data", answer.GetProperty("note").GetString());
        Assert.Equal(ask.GetProperty("id").GetGuid(), Assert.Single(outcome.GetProperty("asks").EnumerateArray()).GetProperty("id").GetGuid());

        var statement = (await client.GetFromJsonAsync<JsonElement>($"/api/activities?projectId={mario}&type=consultationOrSubmission")).GetProperty("items")
            .EnumerateArray().Single();
        var sent = await client.GetFromJsonAsync<JsonElement>($"/api/activities/{statement.GetProperty("id").GetGuid()}/outcome");
        Assert.Equal("noAnswer", Assert.Single(sent.GetProperty("stakeholders").EnumerateArray()).GetProperty("response").GetString());
    }

    [Fact]
    public async Task The_ReACT_report_was_well_received_by_the_47_States_Parties()
    {
        var client = await app.ClientAsync(Roles.Manager);
        var react = await ProjectAsync(client, "REACT");
        var presentation = (await client.GetFromJsonAsync<JsonElement>($"/api/activities?projectId={react}&type=meetingWithPolicyMakers")).GetProperty("items")
            .EnumerateArray().Single();

        var outcome = await client.GetFromJsonAsync<JsonElement>($"/api/activities/{presentation.GetProperty("id").GetGuid()}/outcome");

        var answer = Assert.Single(outcome.GetProperty("stakeholders").EnumerateArray());
        Assert.Equal(("The 47 States Parties", "supportive"), (answer.GetProperty("stakeholder").GetProperty("name").GetString(), answer.GetProperty("response").GetString()));
        Assert.Contains("good practice", answer.GetProperty("note").GetString());
        var ask = Assert.Single(outcome.GetProperty("asks").EnumerateArray());
        Assert.Equal("Help lawyers and guardians better identify and take care of child victims of trafficking.", ask.GetProperty("text").GetString());
    }

    [Fact]
    public async Task ReACTs_2016_period_is_approved_and_locked_and_a_donor_link_shows_its_figures()
    {
        var manager = await app.ClientAsync(Roles.Manager);
        var react = await ProjectAsync(manager, "REACT");
        var period = Assert.Single((await manager.GetFromJsonAsync<JsonElement>($"/api/projects/{react}/reporting-periods")).GetProperty("items").EnumerateArray());
        Assert.Equal(("2016-01-01", "2016-12-31", "approved"),
            (period.GetProperty("from").GetString(), period.GetProperty("to").GetString(), period.GetProperty("status").GetString()));
        var locked = await manager.PostAsJsonAsync($"/api/projects/{react}/activities",
            new { type = "meetingWithPolicyMakers", date = "2016-07-01", title = "A meeting logged after approval" });
        Assert.Equal(System.Net.HttpStatusCode.Conflict, locked.StatusCode);

        var link = await (await manager.PostAsJsonAsync($"/api/reports/projects/{react}/donor-links", new { label = "European Commission (demo donor)", validForDays = 30 }))
            .JsonAsync(System.Net.HttpStatusCode.Created);
        var anonymous = app.CreateClient();
        // Reports hears of the approval through the bus.
        var figures = JsonDocument.Parse(await Eventually.Get(async () =>
        {
            var shown = await anonymous.GetFromJsonAsync<JsonElement>(link.GetProperty("apiUrl").GetString());
            return shown.GetProperty("topLine").GetProperty("activities").GetInt32() == 1 ? shown.GetRawText() : null;
        }, "the approved 2016 period behind the donor link")).RootElement;
        Assert.Equal("2016-12-31", figures.GetProperty("approvedPeriods")[0].GetProperty("to").GetString());
    }

    [Fact]
    public async Task Loading_the_demo_data_again_adds_no_stakeholder_ask_or_outcome()
    {
        const string Rows = "SELECT (SELECT count(*) FROM projects.stakeholders) + (SELECT count(*) FROM projects.asks) "
            + "+ (SELECT count(*) FROM projects.activity_outcomes) + (SELECT count(*) FROM projects.activities) + (SELECT count(*) FROM projects.outbox_messages)";
        var before = await app.ScalarAsync<long>(Rows);

        await app.Services.SeedProjectsDemoDataAsync(CancellationToken.None);

        Assert.Equal(before, await app.ScalarAsync<long>(Rows));
        Assert.Equal(5L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.stakeholders"));
        Assert.Equal(3L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.activity_outcomes"));
    }
}
