using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using static Advocacy.IntegrationTests.Publications.PublicationsKit;

namespace Advocacy.IntegrationTests.Publications;

/// <summary>Recommendations and their dated status history with evidence, through the HTTP API.</summary>
public sealed class RecommendationTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<JsonElement> RecommendAsync(HttpClient client, JsonElement publication, string text, string addressedTo) =>
        await (await client.PostAsJsonAsync($"/api/publications/{publication.Id()}/recommendations", new { text, addressedTo }))
            .JsonAsync(HttpStatusCode.Created);

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, JsonElement recommendation, object change) =>
        client.PostAsJsonAsync($"/api/recommendations/{recommendation.Id()}/status", change);

    [Fact]
    public async Task A_recommendation_moves_through_its_statuses_with_a_dated_history_and_evidence()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var gmr = await CreateAsync(client, Draft(title: "Global Monitoring Report: Belgium", type: "monitoringReport"));
        var recommendation = await RecommendAsync(client, gmr, "Adopt a national action plan against the sexual exploitation of children", "government");
        Assert.Equal("open", recommendation.GetProperty("status").GetString());

        var acknowledged = await (await ChangeAsync(client, recommendation, new { status = "acknowledged", changedOn = "2013-02-01", version = recommendation.Version() }))
            .JsonAsync(HttpStatusCode.OK);
        // Implemented needs evidence: 400 on evidence, and nothing written.
        Assert.Equal(["evidence"], await Api.ErrorFieldsAsync(
            await ChangeAsync(client, acknowledged, new { status = "implemented", changedOn = "2014-03-01", version = acknowledged.Version() })));
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM reports.recommendation_status_changes"));
        // A stale version is 409, and nothing written.
        await (await ChangeAsync(client, recommendation, new { status = "inProgress", changedOn = "2014-03-01", version = recommendation.Version() }))
            .JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM reports.recommendation_status_changes"));
        // The same status again is 409.
        await (await ChangeAsync(client, acknowledged, new { status = "acknowledged", changedOn = "2014-03-01", version = acknowledged.Version() }))
            .JsonAsync(HttpStatusCode.Conflict);

        var implemented = await (await ChangeAsync(client, acknowledged, new
        {
            status = "implemented", changedOn = "2014-03-01", evidence = "National action plan adopted by the Council of Ministers", version = acknowledged.Version(),
        })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("implemented", implemented.GetProperty("status").GetString());

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/publications/{gmr.Id()}");
        var history = read.GetProperty("recommendations")[0].GetProperty("history").EnumerateArray()
            .Select(h => $"{h.GetProperty("from").GetString()}>{h.GetProperty("to").GetString()} {h.GetProperty("changedOn").GetString()} {h.GetProperty("evidence")}")
            .ToList();
        Assert.Equal(["open>acknowledged 2013-02-01 ", "acknowledged>implemented 2014-03-01 National action plan adopted by the Council of Ministers"], history);
        Assert.False(string.IsNullOrEmpty(read.GetProperty("recommendations")[0].GetProperty("history")[0].GetProperty("changedBy").GetString()));
    }

    [Fact]
    public async Task Bad_status_changes_are_400_on_their_fields()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var gmr = await CreateAsync(client, Draft());
        var recommendation = await RecommendAsync(client, gmr, "Train judges", "professionals");
        Assert.Equal(["changedOn", "evidence", "version"], await Api.ErrorFieldsAsync(
            await ChangeAsync(client, recommendation, new { status = "rejected" })));
        Assert.Equal(["changedOn"], await Api.ErrorFieldsAsync(
            await ChangeAsync(client, recommendation, new { status = "acknowledged", changedOn = "2999-01-01", version = recommendation.Version() })));
        await (await ChangeAsync(client, recommendation, new { status = "sleeping", changedOn = "2020-01-01", version = recommendation.Version() }))
            .JsonAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsJsonAsync($"/api/recommendations/{Guid.NewGuid()}/status", new { status = "acknowledged", changedOn = "2020-01-01", version = 1 }))
            .JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM reports.recommendation_status_changes"));
    }

    [Fact]
    public async Task Recommendations_are_edited_with_their_version_and_a_duplicate_in_the_same_publication_is_409()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var report = await CreateAsync(client, Draft());
        var first = await RecommendAsync(client, report, "Appoint guardians without delay", "government");
        await (await client.PostAsJsonAsync($"/api/publications/{report.Id()}/recommendations", new { text = "appoint guardians without delay", addressedTo = "parliament" }))
            .JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(["addressedTo", "text"], await Api.ErrorFieldsAsync(
            await client.PostAsJsonAsync($"/api/publications/{report.Id()}/recommendations", new { text = "" })));

        Assert.Equal(["version"], await Api.ErrorFieldsAsync(
            await client.PutAsJsonAsync($"/api/recommendations/{first.Id()}", new { text = "Appoint a guardian within 24 hours", addressedTo = "government" })));
        var edited = await (await client.PutAsJsonAsync($"/api/recommendations/{first.Id()}",
            new { text = "Appoint a guardian within 24 hours", addressedTo = "euInstitutions", version = first.Version() })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("euInstitutions", edited.GetProperty("addressedTo").GetString());
        await (await client.PutAsJsonAsync($"/api/recommendations/{first.Id()}",
            new { text = "Something else", addressedTo = "government", version = first.Version() })).JsonAsync(HttpStatusCode.Conflict);
        await (await client.PutAsJsonAsync($"/api/recommendations/{Guid.NewGuid()}",
            new { text = "Something else", addressedTo = "government", version = 1 })).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM reports.recommendations"));
    }

    [Fact]
    public async Task Open_recommendations_are_listed_across_publications_by_addressee()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var report = await CreateAsync(client, Draft());
        var gmr = await CreateAsync(client, Draft(title: "Global Monitoring Report: Belgium", type: "monitoringReport"));
        await RecommendAsync(client, report, "Appoint guardians without delay", "government");
        var done = await RecommendAsync(client, report, "Train border police", "professionals");
        await RecommendAsync(client, gmr, "Criminalise online grooming", "parliament");
        await RecommendAsync(client, gmr, "Fund helplines", "government");
        await (await ChangeAsync(client, done, new { status = "rejected", changedOn = "2020-01-01", evidence = "Minister's reply", version = done.Version() }))
            .JsonAsync(HttpStatusCode.OK);

        async Task<List<string>> Texts(string query) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/recommendations?{query}")).GetProperty("items").EnumerateArray()
                .Select(r => r.GetProperty("text").GetString()!).Order().ToList();
        Assert.Equal(["Appoint guardians without delay", "Criminalise online grooming", "Fund helplines"], await Texts("status=open"));
        Assert.Equal(["Appoint guardians without delay", "Fund helplines"], await Texts("status=open&addressedTo=government"));
        Assert.Equal(["Train border police"], await Texts("status=rejected"));
        var page = await client.GetFromJsonAsync<JsonElement>("/api/recommendations?status=open&pageSize=2");
        Assert.Equal((3, 2), (page.GetProperty("totalCount").GetInt32(), page.GetProperty("items").GetArrayLength()));
        Assert.Equal(["addressedTo"], await Api.ErrorFieldsAsync(await client.GetAsync("/api/recommendations?addressedTo=king")));
    }
}
