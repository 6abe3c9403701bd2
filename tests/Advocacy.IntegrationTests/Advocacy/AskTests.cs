using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.Modules.Projects.Contracts;
using static Advocacy.IntegrationTests.Advocacy.AdvocacyKit;

namespace Advocacy.IntegrationTests.Advocacy;

public sealed class AskTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string RefugeeAsk = "Strengthen the protection of refugee and migrant children arriving in the European Union.";

    private async Task<(HttpClient Client, Guid Project, Guid Institutions)> MarioAsync()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var mario = await Api.CreateProjectAsync(client, "MARIO", "2014-01-01");
        return (client, mario, await StakeholderIdAsync(client, "European institutions"));
    }

    private static JsonObject Ask(Guid target) => new()
    {
        ["text"] = RefugeeAsk,
        ["targetStakeholderIds"] = new JsonArray(target.ToString()),
        ["openedOn"] = "2015-10-28",
        ["source"] = "statement",
        ["sourceTitle"] = "ECPAT statement on the protection of refugee and migrant children",
    };

    private static async Task<JsonElement> ChangeAsync(HttpClient client, JsonElement ask, object change) =>
        await (await client.PostAsJsonAsync($"/api/asks/{ask.GetProperty("id").GetGuid()}/status", change)).JsonAsync(HttpStatusCode.OK);

    [Fact]
    public async Task An_ask_from_a_statement_opens_with_its_targets_and_publishes_its_whole_state()
    {
        var (client, mario, institutions) = await MarioAsync();
        var statementId = Guid.NewGuid();
        var body = Ask(institutions);
        body["sourceId"] = statementId.ToString();

        var ask = await (await client.PostAsJsonAsync($"/api/projects/{mario}/asks", body)).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(("open", "statement", statementId), (ask.GetProperty("status").GetString(), ask.GetProperty("source").GetString(), ask.GetProperty("sourceId").GetGuid()));
        Assert.Equal("European institutions", Assert.Single(ask.GetProperty("targets").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, ask.GetProperty("closedOn").ValueKind);
        Assert.Equal(0, ask.GetProperty("history").GetArrayLength());
        var published = Assert.Single(await OutboxAsync<AskChanged>(app)).Ask;
        Assert.Equal((mario, AskStatus.Open, new DateOnly(2015, 10, 28), (DateOnly?)null, AskSource.Statement, statementId),
            (published.ProjectId, published.Status, published.OpenedOn, published.ClosedOn, published.Source, published.SourceId));
        Assert.Equal("ECPAT statement on the protection of refugee and migrant children", published.SourceTitle);
        Assert.Equal(new StakeholderRef(institutions, "European institutions", StakeholderKind.EuInstitution, StakeholderLevel.European, null),
            Assert.Single(published.Targets));
    }

    public static TheoryData<string, string, JsonNode?> BadFields => new()
    {
        { "text", "text", "" },
        { "targetStakeholderIds", "targetStakeholderIds", new JsonArray() },
        { "targetStakeholderIds", "targetStakeholderIds", new JsonArray(Guid.NewGuid().ToString()) },
        { "openedOn", "openedOn", "2999-01-01" },
        { "openedOn", "openedOn", null },
        { "source", "source", "rumour" },
        { "sourceTitle", "sourceTitle", "" },
        { "textTranslations", "textTranslations", new JsonObject { ["de"] = "Schutz" } },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task An_ask_with_a_bad_field_gets_400_naming_it_and_nothing_is_written(string expectedField, string field, JsonNode? value)
    {
        var (client, mario, institutions) = await MarioAsync();
        var before = await RowsAsync(app);
        var body = Ask(institutions);
        body[field] = value;

        await AssertBadFieldAsync(await client.PostAsJsonAsync($"/api/projects/{mario}/asks", body), expectedField);

        Assert.Equal(before, await RowsAsync(app));
    }

    [Fact]
    public async Task An_own_ask_has_no_source_record_and_an_unknown_project_gets_404()
    {
        var (client, mario, institutions) = await MarioAsync();
        var body = Ask(institutions);
        body["source"] = "own";

        Assert.Equal(["sourceTitle"], await Api.ErrorFieldsAsync(await client.PostAsJsonAsync($"/api/projects/{mario}/asks", body)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/projects/{Guid.NewGuid()}/asks", Ask(institutions))).StatusCode);
    }

    [Fact]
    public async Task The_status_history_keeps_who_when_and_why_and_closing_follows_met_or_dropped()
    {
        var (client, mario, institutions) = await MarioAsync();
        var ask = await AskAsync(client, mario, RefugeeAsk, [institutions]);

        ask = await ChangeAsync(client, ask, new { status = "partlyMet", changedOn = "2016-03-01", note = "Guardianship named in the agenda.", version = ask.GetProperty("version").GetUInt32() });
        Assert.Equal(JsonValueKind.Null, ask.GetProperty("closedOn").ValueKind);
        ask = await ChangeAsync(client, ask, new { status = "met", changedOn = "2016-06-01", note = "Adopted in the action plan.", version = ask.GetProperty("version").GetUInt32() });
        Assert.Equal("2016-06-01", ask.GetProperty("closedOn").GetString());
        ask = await ChangeAsync(client, ask, new { status = "open", changedOn = "2016-07-01", note = "The plan was withdrawn.", version = ask.GetProperty("version").GetUInt32() });

        Assert.Equal(JsonValueKind.Null, ask.GetProperty("closedOn").ValueKind);
        var history = ask.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["open→partlyMet 2016-03-01", "partlyMet→met 2016-06-01", "met→open 2016-07-01"],
            history.Select(h => $"{h.GetProperty("from").GetString()}→{h.GetProperty("to").GetString()} {h.GetProperty("changedOn").GetString()}"));
        Assert.All(history, h => Assert.Equal("staff@demo.advocacy.local", h.GetProperty("changedByName").GetString()));
        Assert.Equal("Adopted in the action plan.", history[1].GetProperty("note").GetString());
        var published = (await OutboxAsync<AskChanged>(app)).Select(m => m.Ask).ToList();
        Assert.Equal([AskStatus.Open, AskStatus.PartlyMet, AskStatus.Met, AskStatus.Open], published.Select(a => a.Status));
        Assert.Equal((new DateOnly(2016, 6, 1), new DateOnly(2016, 6, 1)), (published[2].ClosedOn, published[2].StatusChangedOn));
        Assert.Equal(((DateOnly?)null, new DateOnly(2016, 7, 1)), (published[3].ClosedOn, published[3].StatusChangedOn));
    }

    [Fact]
    public async Task A_status_change_without_its_note_before_the_last_or_to_the_same_status_or_stale_is_refused_and_changes_nothing()
    {
        var (client, mario, institutions) = await MarioAsync();
        var ask = await AskAsync(client, mario, RefugeeAsk, [institutions]);
        var id = ask.GetProperty("id").GetGuid();
        var version = ask.GetProperty("version").GetUInt32();
        var before = await RowsAsync(app);

        Assert.Equal(["note"], await Api.ErrorFieldsAsync(await client.PostAsJsonAsync($"/api/asks/{id}/status", new { status = "dropped", changedOn = "2016-01-01", version })));
        Assert.Equal(["changedOn"], await Api.ErrorFieldsAsync(await client.PostAsJsonAsync($"/api/asks/{id}/status", new { status = "met", changedOn = "2015-10-27", note = "x", version })));
        Assert.Equal(["changedOn"], await Api.ErrorFieldsAsync(await client.PostAsJsonAsync($"/api/asks/{id}/status", new { status = "partlyMet", changedOn = Today.AddDays(2).Iso(), version })));
        Assert.Equal(["version"], await Api.ErrorFieldsAsync(await client.PostAsJsonAsync($"/api/asks/{id}/status", new { status = "partlyMet", changedOn = "2016-01-01" })));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/asks/{id}/status", new { status = "open", changedOn = "2016-01-01", version })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/asks/{id}/status", new { status = "partlyMet", changedOn = "2016-01-01", version = version + 1 })).StatusCode);
        Assert.Equal(before, await RowsAsync(app));

        await ChangeAsync(client, ask, new { status = "partlyMet", changedOn = "2016-01-01", version });
        Assert.Equal(["changedOn"], await Api.ErrorFieldsAsync(await client.PostAsJsonAsync($"/api/asks/{id}/status", new
        {
            status = "met", changedOn = "2015-12-31", note = "x", version = (await client.GetFromJsonAsync<JsonElement>($"/api/asks/{id}")).GetProperty("version").GetUInt32(),
        })));
    }

    [Fact]
    public async Task An_edit_changes_text_and_targets_with_the_version_read_and_cannot_open_after_a_status_change()
    {
        var (client, mario, institutions) = await MarioAsync();
        var council = await StakeholderIdAsync(client, "Council of Europe", "councilOfEuropeBody");
        var ask = await AskAsync(client, mario, RefugeeAsk, [institutions]);
        var id = ask.GetProperty("id").GetGuid();
        var version = ask.GetProperty("version").GetUInt32();
        var edit = new { text = "Protect refugee children.", targetStakeholderIds = new[] { institutions, council }, openedOn = "2015-10-20", version };

        var edited = await (await client.PutAsJsonAsync($"/api/asks/{id}", edit)).JsonAsync(HttpStatusCode.OK);
        var stale = await client.PutAsJsonAsync($"/api/asks/{id}", edit with { text = "Something else." });

        Assert.Equal(2, edited.GetProperty("targets").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Protect refugee children.", (await client.GetFromJsonAsync<JsonElement>($"/api/asks/{id}")).GetProperty("text").GetString());

        var changed = await ChangeAsync(client, edited, new { status = "partlyMet", changedOn = "2016-01-01", version = edited.GetProperty("version").GetUInt32() });
        var late = await client.PutAsJsonAsync($"/api/asks/{id}", edit with { openedOn = "2016-02-01", version = changed.GetProperty("version").GetUInt32() });
        Assert.Equal(["openedOn"], await Api.ErrorFieldsAsync(late));
    }

    [Fact]
    public async Task Asks_are_listed_across_projects_and_per_project_by_status_source_target_and_text()
    {
        var (client, mario, institutions) = await MarioAsync();
        var react = await Api.CreateProjectAsync(client, "REACT", "2015-01-01");
        var council = await StakeholderIdAsync(client, "The 47 States Parties", "councilOfEuropeBody");
        var refugees = await (await client.PostAsJsonAsync($"/api/projects/{mario}/asks", Ask(institutions))).JsonAsync(HttpStatusCode.Created);
        await AskAsync(client, react, "Help lawyers and guardians better identify child victims of trafficking.", [council], "2017-03-01");
        await AskAsync(client, react, "Train guardians.", [council, institutions], "2016-01-01");
        await ChangeAsync(client, refugees, new { status = "dropped", changedOn = "2016-01-01", note = "Superseded.", version = refugees.GetProperty("version").GetUInt32() });

        async Task<string[]> TextsAsync(string url) =>
            (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("text").GetString()!).ToArray();

        Assert.Equal(["Help lawyers and guardians better identify child victims of trafficking.", "Train guardians.", RefugeeAsk], await TextsAsync("/api/asks"));
        Assert.Equal([RefugeeAsk], await TextsAsync("/api/asks?status=dropped"));
        Assert.Equal([RefugeeAsk], await TextsAsync("/api/asks?source=statement"));
        Assert.Equal(["Train guardians.", RefugeeAsk], await TextsAsync($"/api/asks?targetId={institutions}"));
        Assert.Equal(["Help lawyers and guardians better identify child victims of trafficking."], await TextsAsync("/api/asks?search=LAWYERS"));
        Assert.Equal(["Help lawyers and guardians better identify child victims of trafficking.", "Train guardians."], await TextsAsync($"/api/projects/{react}/asks"));
        Assert.Equal(["Train guardians."], await TextsAsync($"/api/projects/{react}/asks?targetId={institutions}"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/projects/{Guid.NewGuid()}/asks")).StatusCode);
        Assert.Equal(["status"], await Api.ErrorFieldsAsync(await client.GetAsync("/api/asks?status=won")));
    }

    [Fact]
    public async Task An_asks_text_follows_accept_language_and_falls_back_to_the_default()
    {
        var (client, mario, institutions) = await MarioAsync();
        var body = Ask(institutions);
        body["textTranslations"] = new JsonObject { ["fr"] = "Renforcer la protection des enfants réfugiés.", ["nl"] = "De bescherming van vluchtelingenkinderen versterken." };
        var id = (await (await client.PostAsJsonAsync($"/api/projects/{mario}/asks", body)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        async Task<JsonElement> ReadAsync(string language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/asks/{id}");
            request.Headers.AcceptLanguage.ParseAdd(language);
            return await (await client.SendAsync(request)).JsonAsync(HttpStatusCode.OK);
        }

        Assert.Equal("Renforcer la protection des enfants réfugiés.", (await ReadAsync("fr-BE")).GetProperty("text").GetString());
        Assert.Equal(RefugeeAsk, (await ReadAsync("fr-BE")).GetProperty("defaultText").GetString());
        Assert.Equal(RefugeeAsk, (await ReadAsync("de")).GetProperty("text").GetString());
        Assert.Equal("De bescherming van vluchtelingenkinderen versterken.", Assert.Single(await OutboxAsync<AskChanged>(app)).Ask.TextTranslations["nl"]);
    }
}
