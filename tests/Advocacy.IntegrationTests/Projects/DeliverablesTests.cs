using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using static Advocacy.IntegrationTests.Infrastructure.Api;

namespace Advocacy.IntegrationTests.Projects;

/// <summary>Deliverables and their language versions (ReACT's leaflet in 13 languages), through the HTTP API.</summary>
public sealed class DeliverablesTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    private static readonly string[] ReactLanguages = ["fr", "en", "nl", "de", "ar", "vi", "zh", "sq", "ro", "bg", "ps", "fa", "pcm"];

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Creating_ReACTs_leaflet_in_13_languages_lists_each_version_as_planned()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "REACT");

        var response = await client.PostAsJsonAsync($"/api/projects/{projectId}/deliverables", new
        {
            title = "Leaflet on the rights of unaccompanied foreign minors",
            kind = "leaflet",
            description = "For the children themselves, in the languages they speak.",
            languages = ReactLanguages.Select(language => new { language }),
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/projects/{projectId}/deliverables");
        var leaflet = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("leaflet", leaflet.GetProperty("kind").GetString());
        var versions = leaflet.GetProperty("languages").EnumerateArray().ToList();
        Assert.Equal(ReactLanguages.Order(StringComparer.Ordinal), versions.Select(v => v.GetProperty("language").GetString()));
        Assert.All(versions, v => Assert.Equal("planned", v.GetProperty("status").GetString()));
        Assert.Equal(13L, await LanguageVersionCountAsync());
    }

    [Fact]
    public async Task A_deliverable_starts_with_the_statuses_given_and_without_languages_when_none_are_given()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "REACT");

        var video = await client.PostAsJsonAsync($"/api/projects/{projectId}/deliverables", new
        {
            title = "Video", kind = "video",
            languages = new object[]
            {
                new { language = "fr", status = "published", publishedOn = "2016-03-01", url = "https://ecpat.be/react/fr" },
                new { language = "nl", status = "inTranslation" },
            },
        });
        var report = await client.PostAsJsonAsync($"/api/projects/{projectId}/deliverables",
            new { title = "Better support, better protection", kind = "report" });

        Assert.Equal(HttpStatusCode.Created, video.StatusCode);
        var fr = (await video.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("languages")[0];
        Assert.Equal(("fr", "published", "2016-03-01", "https://ecpat.be/react/fr"), (
            fr.GetProperty("language").GetString(), fr.GetProperty("status").GetString(),
            fr.GetProperty("publishedOn").GetString(), fr.GetProperty("url").GetString()));
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        Assert.Empty((await report.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("languages").EnumerateArray());
    }

    [Fact]
    public async Task A_duplicate_deliverable_title_in_the_project_returns_409_and_keeps_the_first()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "REACT");
        await CreateLeafletAsync(client, projectId);

        var response = await client.PostAsJsonAsync($"/api/projects/{projectId}/deliverables",
            new { title = "  LEAFLET ", kind = "video", languages = new[] { new { language = "fr" } } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.deliverables"));
        Assert.Equal(1L, await LanguageVersionCountAsync());
    }

    [Fact]
    public async Task The_same_title_in_another_project_is_accepted()
    {
        var client = await app.ClientAsync(Roles.Staff);
        await CreateLeafletAsync(client, await CreateProjectAsync(client, "REACT"));

        var response = await client.PostAsJsonAsync($"/api/projects/{await CreateProjectAsync(client, "MARIO")}/deliverables",
            new { title = "Leaflet", kind = "leaflet" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Creating_a_deliverable_with_invalid_fields_returns_400_per_field_and_writes_nothing()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "REACT");

        var response = await client.PostAsJsonAsync($"/api/projects/{projectId}/deliverables", new
        {
            title = "",
            description = new string('d', 4001),
            languages = new object[]
            {
                new { language = "xx" },
                new { language = "fr", status = "published" },
                new { language = "nl", url = "ftp://ecpat.be/leaflet.pdf" },
            },
        });

        Assert.Equal(
            ["description", "kind", "languages[0].language", "languages[1].publishedOn", "languages[2].url", "title"],
            await ErrorFieldsAsync(response));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.deliverables"));
        Assert.Equal(0L, await LanguageVersionCountAsync());
    }

    [Fact]
    public async Task Creating_a_deliverable_that_lists_a_language_twice_returns_400_and_writes_nothing()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "REACT");

        var response = await client.PostAsJsonAsync($"/api/projects/{projectId}/deliverables",
            new { title = "Leaflet", kind = "leaflet", languages = new[] { new { language = "fr" }, new { language = "FR" } } });

        Assert.Equal(["languages"], await ErrorFieldsAsync(response));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.deliverables"));
    }

    [Fact]
    public async Task Setting_a_new_language_version_returns_201_and_updating_it_returns_200_with_its_new_status()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "REACT");
        var leafletId = await CreateLeafletAsync(client, projectId);
        var url = $"/api/projects/{projectId}/deliverables/{leafletId}/languages/ps";

        var planned = await client.PutAsJsonAsync(url, new { status = "planned" });
        var inTranslation = await client.PutAsJsonAsync(url, new { status = "inTranslation" });
        var published = await client.PutAsJsonAsync(url, new { status = "published", publishedOn = "2016-05-12", url = "https://ecpat.be/react/ps.pdf" });

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK], [planned.StatusCode, inTranslation.StatusCode, published.StatusCode]);
        Assert.EndsWith($"/deliverables/{leafletId}/languages/ps", planned.Headers.Location?.ToString());
        var ps = (await LeafletAsync(client, projectId)).GetProperty("languages").EnumerateArray().Single(v => v.GetProperty("language").GetString() == "ps");
        Assert.Equal(("published", "2016-05-12", "https://ecpat.be/react/ps.pdf"), (
            ps.GetProperty("status").GetString(), ps.GetProperty("publishedOn").GetString(), ps.GetProperty("url").GetString()));
        Assert.Equal(2L, await LanguageVersionCountAsync());
    }

    [Fact]
    public async Task Updating_the_13_ReACT_languages_one_by_one_keeps_one_version_per_language()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "REACT");
        var leafletId = await CreateLeafletAsync(client, projectId);

        var statuses = new List<HttpStatusCode>();
        foreach (var language in ReactLanguages)
        {
            var body = language is "fr" or "nl" or "en"
                ? (object)new { status = "published", publishedOn = "2016-03-01" }
                : new { status = "inTranslation" };
            statuses.Add((await client.PutAsJsonAsync($"/api/projects/{projectId}/deliverables/{leafletId}/languages/{language.ToUpperInvariant()}", body)).StatusCode);
        }

        // "fr" existed already; "FR" is the same language.
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.All(statuses.Skip(1), status => Assert.Equal(HttpStatusCode.Created, status));
        var versions = (await LeafletAsync(client, projectId)).GetProperty("languages").EnumerateArray().ToList();
        Assert.Equal(ReactLanguages.Order(StringComparer.Ordinal), versions.Select(v => v.GetProperty("language").GetString()));
        Assert.Equal(3, versions.Count(v => v.GetProperty("status").GetString() == "published"));
    }

    [Fact]
    public async Task Setting_a_version_in_an_unknown_language_returns_400_on_language_and_writes_nothing()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "REACT");
        var leafletId = await CreateLeafletAsync(client, projectId);

        var response = await client.PutAsJsonAsync($"/api/projects/{projectId}/deliverables/{leafletId}/languages/xx", new { status = "planned" });

        Assert.Equal(["language"], await ErrorFieldsAsync(response));
        Assert.Equal(1L, await LanguageVersionCountAsync());
    }

    [Theory]
    [InlineData("{\"status\": \"published\"}", "publishedOn")]
    [InlineData("{\"status\": \"published\", \"publishedOn\": \"2999-01-01\"}", "publishedOn")]
    [InlineData("{\"status\": \"planned\", \"publishedOn\": \"2016-01-01\"}", "publishedOn")]
    [InlineData("{\"status\": \"inTranslation\", \"url\": \"ecpat.be/leaflet\"}", "url")]
    [InlineData("{\"status\": \"inTranslation\", \"url\": \"javascript:alert(1)\"}", "url")]
    [InlineData("{\"publishedOn\": null}", "status")]
    public async Task Setting_a_language_version_against_the_rules_returns_400_on_the_field_and_changes_nothing(string body, string field)
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "REACT");
        var leafletId = await CreateLeafletAsync(client, projectId);

        var response = await client.PutAsync($"/api/projects/{projectId}/deliverables/{leafletId}/languages/fr",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal([field], await ErrorFieldsAsync(response));
        Assert.Equal("Planned", await app.ScalarAsync<string>("SELECT status FROM projects.deliverable_languages"));
    }

    [Fact]
    public async Task Removing_a_language_version_returns_204_and_removing_it_again_returns_404()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "REACT");
        var leafletId = await CreateLeafletAsync(client, projectId);
        var url = $"/api/projects/{projectId}/deliverables/{leafletId}/languages/fr";

        var first = await client.DeleteAsync(url);
        var second = await client.DeleteAsync(url);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal(0L, await LanguageVersionCountAsync());
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.deliverables"));
    }

    [Fact]
    public async Task Deliverables_of_an_unknown_project_or_of_another_project_return_404()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var unknown = $"/api/projects/{Guid.NewGuid()}/deliverables";
        var projectId = await CreateProjectAsync(client, "MARIO");
        var foreignLeafletId = await CreateLeafletAsync(client, await CreateProjectAsync(client, "REACT"));
        var foreign = $"/api/projects/{projectId}/deliverables/{foreignLeafletId}/languages/fr";

        var responses = new[]
        {
            await client.PostAsJsonAsync(unknown, new { title = "Leaflet", kind = "leaflet" }),
            await client.GetAsync(unknown),
            await client.PutAsJsonAsync($"{unknown}/{foreignLeafletId}/languages/fr", new { status = "planned" }),
            await client.PutAsJsonAsync(foreign, new { status = "inTranslation" }),
            await client.DeleteAsync(foreign),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal("Planned", await app.ScalarAsync<string>("SELECT status FROM projects.deliverable_languages"));
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.deliverables"));
    }

    [Fact]
    public async Task Deliverables_are_listed_by_title_and_paged()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "REACT");
        foreach (var title in new[] { "Video", "Leaflet", "Better support, better protection" })
        {
            await client.PostAsJsonAsync($"/api/projects/{projectId}/deliverables", new { title, kind = "other" });
        }

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/projects/{projectId}/deliverables?pageSize=2");
        var tooLarge = await client.GetAsync($"/api/projects/{projectId}/deliverables?pageSize=1000");

        Assert.Equal(3, page.GetProperty("totalCount").GetInt32());
        Assert.Equal(["Better support, better protection", "Leaflet"], page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("title").GetString()));
        Assert.Equal(["pageSize"], await ErrorFieldsAsync(tooLarge));
    }

    private Task<long> LanguageVersionCountAsync() => app.ScalarAsync<long>("SELECT count(*) FROM projects.deliverable_languages");

    /// <summary>A leaflet with its French version planned.</summary>
    private static async Task<Guid> CreateLeafletAsync(HttpClient client, Guid projectId)
    {
        var response = await client.PostAsJsonAsync($"/api/projects/{projectId}/deliverables",
            new { title = "Leaflet", kind = "leaflet", languages = new[] { new { language = "fr" } } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> LeafletAsync(HttpClient client, Guid projectId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/projects/{projectId}/deliverables")).GetProperty("items")
            .EnumerateArray().Single(d => d.GetProperty("title").GetString() == "Leaflet");
}
