using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Projects;

/// <summary>A project's name and summary in English, French and Dutch: Accept-Language picks the one returned.</summary>
public sealed class ProjectTranslationTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Name_and_summary_follow_accept_language_else_the_default()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var created = await (await client.PostAsJsonAsync("/api/projects", new
        {
            code = "GOLONDRINA", name = "Golondrina: preventing child sexual abuse in Colombian schools", level = "international", startDate = "2010-01-01",
            summary = "Awareness campaigns in Colombian schools.",
            nameTranslations = new Dictionary<string, string> { ["fr"] = "Golondrina : prévenir les abus sexuels sur enfants dans les écoles colombiennes" },
            summaryTranslations = new Dictionary<string, string> { ["nl"] = "Bewustmakingscampagnes in Colombiaanse scholen." },
        })).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        async Task<JsonElement> GetAsync(string language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/projects/{id}");
            request.Headers.AcceptLanguage.ParseAdd(language);
            return await (await client.SendAsync(request)).JsonAsync(HttpStatusCode.OK);
        }

        var french = await GetAsync("fr");
        Assert.Equal("Golondrina : prévenir les abus sexuels sur enfants dans les écoles colombiennes", french.GetProperty("name").GetString());
        Assert.Equal("Awareness campaigns in Colombian schools.", french.GetProperty("summary").GetString());
        var dutch = await GetAsync("nl-BE");
        Assert.Equal("Golondrina: preventing child sexual abuse in Colombian schools", dutch.GetProperty("name").GetString());
        Assert.Equal("Bewustmakingscampagnes in Colombiaanse scholen.", dutch.GetProperty("summary").GetString());
        Assert.Equal(["fr"], dutch.GetProperty("nameTranslations").EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task A_translation_in_an_unknown_language_is_refused_and_nothing_is_written()
    {
        var client = await app.ClientAsync(Roles.Staff);

        var fields = await Api.ErrorFieldsAsync(await client.PostAsJsonAsync("/api/projects", new
        {
            code = "MARIO", name = "Mario", level = "european", startDate = "2014-01-01",
            nameTranslations = new Dictionary<string, string> { ["es"] = "Mario" },
        }));

        Assert.Equal(["nameTranslations"], fields);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/projects")).GetProperty("totalCount").GetInt32());
    }
}
