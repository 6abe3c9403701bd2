using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using static Advocacy.IntegrationTests.Publications.PublicationsKit;

namespace Advocacy.IntegrationTests.Publications;

/// <summary>Publications through the HTTP API on PostgreSQL: drafts, edits, publishing and what it publishes.</summary>
public sealed class PublicationTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<long> PublicationsAsync() => app.ScalarAsync<long>("SELECT count(*) FROM reports.publications");

    private Task<long> PublishedEventsAsync() =>
        app.ScalarAsync<long>("SELECT count(*) FROM reports.outbox_messages WHERE type LIKE '%PublicationPublished%'");

    [Fact]
    public async Task A_draft_is_recorded_read_back_and_publishes_nothing()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var created = await CreateAsync(client, Draft());
        Assert.Equal("draft", created.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("publishedOn").ValueKind);

        var read = await (await client.GetAsync($"/api/publications/{created.Id()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Better support, better protection", read.GetProperty("title").GetString());
        Assert.Equal("research", read.GetProperty("type").GetString());
        Assert.Equal(["en", "fr", "nl"], read.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Empty(read.GetProperty("recommendations").EnumerateArray());
        Assert.Equal(0L, await PublishedEventsAsync());
    }

    [Theory]
    [InlineData("title", "", "research", "en", "https://ecpat.be/x")]
    [InlineData("type", "A report", "novel", "en", "https://ecpat.be/x")]
    [InlineData("languages", "A report", "research", "xx-not-a-language", "https://ecpat.be/x")]
    [InlineData("link", "A report", "research", "en", "ftp://ecpat.be/x")]
    [InlineData("link", "A report", "research", "en", "/relative/path")]
    public async Task A_bad_field_is_400_on_that_field_and_writes_nothing(string field, string title, string type, string language, string link)
    {
        var client = await app.ClientAsync(Roles.Staff);
        var response = await client.PostAsJsonAsync("/api/publications", new { title, type, languages = new[] { language }, link });
        var fields = response.StatusCode == HttpStatusCode.BadRequest
            ? (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("errors", out var errors)
                ? errors.EnumerateObject().Select(e => e.Name).ToList() : ["(body)"]
            : [];
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        if (field != "type")
        {
            Assert.Equal([field], fields);
        }
        Assert.Equal(0L, await PublicationsAsync());
    }

    [Fact]
    public async Task Linking_a_project_Reports_does_not_know_is_400_on_projectIds_and_writes_nothing()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var response = await client.PostAsJsonAsync("/api/publications", Draft(projectIds: [Guid.NewGuid()]));
        Assert.Equal(["projectIds"], await Api.ErrorFieldsAsync(response));
        Assert.Equal(0L, await PublicationsAsync());
    }

    [Fact]
    public async Task A_second_publication_with_the_same_title_is_409()
    {
        var client = await app.ClientAsync(Roles.Staff);
        await CreateAsync(client, Draft());
        await (await client.PostAsJsonAsync("/api/publications", Draft(title: "BETTER SUPPORT, BETTER PROTECTION"))).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(1L, await PublicationsAsync());
    }

    [Fact]
    public async Task Unknown_publications_are_404()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var id = Guid.NewGuid();
        await (await client.GetAsync($"/api/publications/{id}")).JsonAsync(HttpStatusCode.NotFound);
        await (await client.PutAsJsonAsync($"/api/publications/{id}", Draft(version: 1))).JsonAsync(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync($"/api/publications/{id}/publish", new { publishedOn = "2020-01-01", version = 1 })).JsonAsync(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync($"/api/publications/{id}/recommendations", new { text = "Do it", addressedTo = "government" }))
            .JsonAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_edit_needs_the_version_read_and_a_stale_one_is_409()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var created = await CreateAsync(client, Draft());
        Assert.Equal(["version"], await Api.ErrorFieldsAsync(await client.PutAsJsonAsync($"/api/publications/{created.Id()}", Draft())));
        var edited = await (await client.PutAsJsonAsync($"/api/publications/{created.Id()}", Draft(languages: ["en"], version: created.Version())))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["en"], edited.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        await (await client.PutAsJsonAsync($"/api/publications/{created.Id()}", Draft(languages: ["fr"], version: created.Version())))
            .JsonAsync(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync($"/api/publications/{created.Id()}/publish", new { publishedOn = "2018-10-18", version = created.Version() }))
            .JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(0L, await PublishedEventsAsync());
    }

    [Fact]
    public async Task Publishing_writes_PublicationPublished_to_the_outbox_and_publishing_twice_is_409()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await ProjectKnownToReportsAsync(app, client, "REACT");
        var created = await CreateAsync(client, Draft(projectIds: [projectId]));
        Assert.Equal(["publishedOn", "version"],
            await Api.ErrorFieldsAsync(await client.PostAsJsonAsync($"/api/publications/{created.Id()}/publish", new { })));

        var published = await PublishAsync(client, created);
        Assert.Equal(("published", "2018-10-18"), (published.GetProperty("status").GetString(), published.GetProperty("publishedOn").GetString()));
        Assert.Equal(1L, await PublishedEventsAsync());
        var payload = JsonDocument.Parse(await app.ScalarAsync<string>(
            "SELECT payload::text FROM reports.outbox_messages WHERE type LIKE '%PublicationPublished%'")).RootElement;
        string Field(string name) => payload.EnumerateObject().Single(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value.ToString();
        Assert.Equal(created.Id().ToString(), Field("publicationId"));
        Assert.Equal("2018-10-18", Field("publishedOn"));
        Assert.Contains(projectId.ToString(), Field("projectIds"));

        await (await client.PostAsJsonAsync($"/api/publications/{created.Id()}/publish", new { publishedOn = "2018-11-01", version = published.Version() }))
            .JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(1L, await PublishedEventsAsync());

        // An edit of a published publication goes out again, whole.
        await (await client.PutAsJsonAsync($"/api/publications/{created.Id()}", Draft(projectIds: [], version: published.Version())))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2L, await PublishedEventsAsync());
    }

    [Fact]
    public async Task The_list_filters_by_type_status_and_period_and_pages()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var report = await CreateAsync(client, Draft());
        await PublishAsync(client, report, "2018-10-18");
        var gmr = await CreateAsync(client, Draft(title: "Global Monitoring Report: Belgium", type: "monitoringReport"));
        await PublishAsync(client, gmr, "2012-05-01");
        await CreateAsync(client, Draft(title: "Leaflet for hotel staff", type: "leaflet"));

        async Task<List<string>> Titles(string query) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/publications?{query}")).GetProperty("items").EnumerateArray()
                .Select(p => p.GetProperty("title").GetString()!).ToList();
        Assert.Equal(["Leaflet for hotel staff", "Better support, better protection", "Global Monitoring Report: Belgium"], await Titles(""));
        Assert.Equal(["Global Monitoring Report: Belgium"], await Titles("type=monitoringReport"));
        Assert.Equal(["Leaflet for hotel staff"], await Titles("status=draft"));
        Assert.Equal(["Better support, better protection"], await Titles("from=2015-01-01&to=2020-12-31"));
        var page = await client.GetFromJsonAsync<JsonElement>("/api/publications?pageSize=1&page=2");
        Assert.Equal((3, 1), (page.GetProperty("totalCount").GetInt32(), page.GetProperty("items").GetArrayLength()));
        Assert.Equal(["type"], await Api.ErrorFieldsAsync(await client.GetAsync("/api/publications?type=novel")));
        Assert.Equal(["pageSize"], await Api.ErrorFieldsAsync(await client.GetAsync("/api/publications?pageSize=1000")));
    }

    [Fact]
    public async Task Reading_needs_a_signed_in_user_and_writing_needs_write_rights()
    {
        var anonymous = app.CreateClient();
        await (await anonymous.GetAsync("/api/publications")).JsonAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync("/api/publications", Draft())).JsonAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(0L, await PublicationsAsync());
    }
}
