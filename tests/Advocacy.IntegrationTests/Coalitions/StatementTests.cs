using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Coalitions;

public sealed class StatementTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    private const string Signed = "StatementSigned";
    private const string Title = "Protecting children on the move from exploitation";
    private readonly CoalitionsKit _kit = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static JsonObject Statement(Guid? coalitionId = null, bool signedByUs = true, JsonArray? projects = null, string title = Title, string date = "2016-06-20") => new()
    {
        ["coalitionId"] = coalitionId?.ToString(),
        ["kind"] = "position",
        ["title"] = title,
        ["date"] = date,
        ["addressedTo"] = "European Commission",
        ["signatories"] = CoalitionsKit.Array("ECPAT Belgium", "Terre des Hommes", "Missing Children Europe"),
        ["signedByUs"] = signedByUs,
        ["projectIds"] = projects ?? [],
    };

    private static JsonObject Edit(JsonObject statement, JsonElement read)
    {
        statement["version"] = read.GetProperty("version").GetUInt32();
        return statement;
    }

    private async Task<(HttpClient Client, Guid CoalitionId, Guid ProjectId)> SetUpAsync()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var coalitionId = await CoalitionsKit.RegisterAsync(client, "Initiative for Children in Migration", "european");
        return (client, coalitionId, await _kit.KnownProjectAsync(client, "MARIO"));
    }

    [Fact]
    public async Task A_statement_signed_by_us_and_linked_to_a_project_publishes_StatementSigned_with_its_state()
    {
        var (client, coalitionId, mario) = await SetUpAsync();

        var statement = await (await client.PostAsJsonAsync("/api/statements", Statement(coalitionId, projects: CoalitionsKit.Array(mario))))
            .JsonAsync(HttpStatusCode.Created);

        var message = Assert.Single(await _kit.OutboxAsync(Signed));
        Assert.Equal(statement.GetProperty("id").GetGuid(), message.GetProperty("statementId").GetGuid());
        Assert.Equal(coalitionId, message.GetProperty("coalitionId").GetGuid());
        Assert.Equal("Initiative for Children in Migration", message.GetProperty("coalitionName").GetString());
        Assert.Equal((Title, "2016-06-20", "European Commission", 3),
            (message.GetProperty("title").GetString(), message.GetProperty("date").GetString(),
             message.GetProperty("addressedTo").GetString(), message.GetProperty("signatoryCount").GetInt32()));
        Assert.Equal([mario], CoalitionsKit.Guids(message.GetProperty("projectIds")));
        Assert.Equal(("position", "Initiative for Children in Migration", 3),
            (statement.GetProperty("kind").GetString(), statement.GetProperty("coalitionName").GetString(), statement.GetProperty("signatoryCount").GetInt32()));
    }

    [Fact]
    public async Task A_network_statement_outside_any_coalition_is_published_without_one()
    {
        var (client, _, mario) = await SetUpAsync();

        await (await client.PostAsJsonAsync("/api/statements", Statement(projects: CoalitionsKit.Array(mario)))).JsonAsync(HttpStatusCode.Created);

        var message = Assert.Single(await _kit.OutboxAsync(Signed));
        Assert.Equal(JsonValueKind.Null, message.GetProperty("coalitionId").ValueKind);
        Assert.Equal(JsonValueKind.Null, message.GetProperty("coalitionName").ValueKind);
    }

    [Fact]
    public async Task A_statement_not_signed_by_us_or_not_linked_publishes_nothing()
    {
        var (client, coalitionId, mario) = await SetUpAsync();

        await (await client.PostAsJsonAsync("/api/statements", Statement(coalitionId, signedByUs: false, projects: CoalitionsKit.Array(mario)))).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync("/api/statements", Statement(coalitionId, title: "Another position"))).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(2L, await _kit.CountAsync("statements"));
        Assert.Empty(await _kit.OutboxAsync(Signed));
    }

    [Fact]
    public async Task Editing_a_published_statement_publishes_it_again_and_unsigning_or_unlinking_publishes_it_with_no_projects()
    {
        var (client, coalitionId, mario) = await SetUpAsync();
        var created = await (await client.PostAsJsonAsync("/api/statements", Statement(coalitionId, projects: CoalitionsKit.Array(mario)))).JsonAsync(HttpStatusCode.Created);
        var url = $"/api/statements/{created.GetProperty("id").GetGuid()}";

        var retitled = await (await client.PutAsJsonAsync(url, Edit(Statement(coalitionId, projects: CoalitionsKit.Array(mario), title: "Children on the move"), created))).JsonAsync(HttpStatusCode.OK);
        var unsigned = await (await client.PutAsJsonAsync(url, Edit(Statement(coalitionId, signedByUs: false, projects: CoalitionsKit.Array(mario)), retitled))).JsonAsync(HttpStatusCode.OK);
        var signedAgain = await (await client.PutAsJsonAsync(url, Edit(Statement(coalitionId, projects: CoalitionsKit.Array(mario)), unsigned))).JsonAsync(HttpStatusCode.OK);
        await (await client.PutAsJsonAsync(url, Edit(Statement(coalitionId), signedAgain))).JsonAsync(HttpStatusCode.OK);

        var messages = await _kit.OutboxAsync(Signed);
        Assert.Equal(5, messages.Count);
        Assert.Equal("Children on the move", messages[1].GetProperty("title").GetString());
        Assert.Equal([[mario], [mario], [], [mario], []], messages.Select(m => CoalitionsKit.Guids(m.GetProperty("projectIds"))).ToArray());
    }

    [Fact]
    public async Task Editing_a_statement_Projects_never_heard_of_publishes_nothing()
    {
        var (client, coalitionId, _) = await SetUpAsync();
        var created = await (await client.PostAsJsonAsync("/api/statements", Statement(coalitionId))).JsonAsync(HttpStatusCode.Created);

        await (await client.PutAsJsonAsync($"/api/statements/{created.GetProperty("id").GetGuid()}", Edit(Statement(coalitionId, signedByUs: false), created)))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Empty(await _kit.OutboxAsync(Signed));
    }

    public static TheoryData<string, string, JsonNode?> BadFields => new()
    {
        { "title", "title", "" },
        { "title", "title", new string('x', 301) },
        { "addressedTo", "addressedTo", null },
        { "date", "date", "2101-01-01" },
        { "signatories", "signatories", new JsonArray() },
        { "signatories", "signatories", null },
        { "signatories", "signatories", CoalitionsKit.Array("ECPAT Belgium", " ecpat belgium") },
        { "signatories", "signatories", CoalitionsKit.Array(Enumerable.Range(1, 501).Select(i => (object)$"Organisation {i}").ToArray()) },
        { "signatories[1]", "signatories", CoalitionsKit.Array("ECPAT Belgium", "") },
        { "kind", "kind", "manifesto" },
        { "coalitionId", "coalitionId", Guid.NewGuid().ToString() },
        { "projectIds", "projectIds", CoalitionsKit.Array(Guid.NewGuid()) },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Recording_a_statement_with_a_bad_field_returns_400_naming_it_and_writes_nothing(string expectedField, string field, JsonNode? value)
    {
        var client = await app.ClientAsync(Roles.Staff);

        await _kit.AssertRejectedAndNothingWrittenAsync(client, "/api/statements", Statement(), field, value, expectedField);
    }

    [Fact]
    public async Task The_same_title_on_the_same_day_is_409_and_a_stale_edit_is_409()
    {
        var (client, coalitionId, mario) = await SetUpAsync();
        var created = await (await client.PostAsJsonAsync("/api/statements", Statement(coalitionId, projects: CoalitionsKit.Array(mario)))).JsonAsync(HttpStatusCode.Created);
        var url = $"/api/statements/{created.GetProperty("id").GetGuid()}";

        await (await client.PostAsJsonAsync("/api/statements", Statement(title: Title.ToUpperInvariant()))).JsonAsync(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync("/api/statements", Statement(date: "2016-06-21"))).JsonAsync(HttpStatusCode.Created);
        await (await client.PutAsJsonAsync(url, Edit(Statement(coalitionId, projects: CoalitionsKit.Array(mario), title: "Edited"), created))).JsonAsync(HttpStatusCode.OK);
        await (await client.PutAsJsonAsync(url, Edit(Statement(coalitionId, title: "Stale"), created))).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(["version"], await Api.ErrorFieldsAsync(await client.PutAsJsonAsync(url, Statement(coalitionId))));
        await (await client.PutAsJsonAsync($"/api/statements/{Guid.NewGuid()}", Edit(Statement(), created))).JsonAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/statements/{Guid.NewGuid()}")).JsonAsync(HttpStatusCode.NotFound);

        Assert.Equal("Edited", (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("title").GetString());
        Assert.Equal(2, (await _kit.OutboxAsync(Signed)).Count);
    }

    [Fact]
    public async Task Statements_are_listed_latest_first_by_coalition_kind_and_period()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var coalitionId = await CoalitionsKit.RegisterAsync(client, "Initiative for Children in Migration", "european");
        async Task Record(Guid? coalition, string title, string date, string kind = "statement")
        {
            var body = Statement(coalition, signedByUs: false, title: title, date: date);
            body["kind"] = kind;
            await (await client.PostAsJsonAsync("/api/statements", body)).JsonAsync(HttpStatusCode.Created);
        }
        await Record(null, "ECPAT statement on the protection of refugee and migrant children", "2015-10-28");
        await Record(coalitionId, "Position on age assessment", "2016-03-01", "position");
        await Record(coalitionId, "Statement on guardianship", "2017-01-15");

        async Task<string[]> Titles(string query)
        {
            var page = await (await client.GetAsync($"/api/statements?{query}")).JsonAsync(HttpStatusCode.OK);
            return page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("title").GetString()!).ToArray();
        }

        Assert.Equal(["Statement on guardianship", "Position on age assessment", "ECPAT statement on the protection of refugee and migrant children"], await Titles(""));
        Assert.Equal(["Statement on guardianship", "Position on age assessment"], await Titles($"coalitionId={coalitionId}"));
        Assert.Equal(["Position on age assessment", "ECPAT statement on the protection of refugee and migrant children"], await Titles("from=2015-01-01&to=2016-12-31"));
        Assert.Equal(["Position on age assessment"], await Titles("kind=position"));
        var listed = (await client.GetFromJsonAsync<JsonElement>($"/api/statements?coalitionId={coalitionId}&pageSize=1")).GetProperty("items")[0];
        Assert.Equal("Initiative for Children in Migration", listed.GetProperty("coalitionName").GetString());
        var bad = await (await client.GetAsync("/api/statements?kind=manifesto&from=2016-01-01&to=2015-01-01")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["kind", "to"], bad.ErrorFields());
    }
}
