using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Publications;

/// <summary>A publication's title in English, French and Dutch: Accept-Language picks the one the API returns.</summary>
public sealed class PublicationTranslationTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_title_follows_accept_language_and_falls_back_to_the_default()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var created = await (await client.PostAsJsonAsync("/api/publications", new
        {
            title = "Better support, better protection", type = "research",
            titleTranslations = new Dictionary<string, string> { ["fr"] = "Meilleur soutien, meilleure protection", ["nl"] = "Betere steun, betere bescherming" },
        })).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        await (await client.PostAsJsonAsync($"/api/publications/{id}/recommendations", new { text = "Train guardians.", addressedTo = "professionals" }))
            .JsonAsync(HttpStatusCode.Created);

        async Task<string> TitleAsync(string? language, string url = "")
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url.Length > 0 ? url : $"/api/publications/{id}");
            if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
            var body = await (await client.SendAsync(request)).JsonAsync(HttpStatusCode.OK);
            return url.Length > 0 ? body.GetProperty("items")[0].GetProperty("publicationTitle").GetString()! : body.GetProperty("title").GetString()!;
        }

        Assert.Equal("Meilleur soutien, meilleure protection", await TitleAsync("fr-BE,fr;q=0.9,en;q=0.5"));
        Assert.Equal("Betere steun, betere bescherming", await TitleAsync("nl"));
        Assert.Equal("Better support, better protection", await TitleAsync("de"));
        Assert.Equal("Better support, better protection", await TitleAsync(null));
        Assert.Equal("Betere steun, betere bescherming", await TitleAsync("nl", "/api/recommendations"));
        Assert.Equal("Meilleur soutien, meilleure protection",
            (await client.GetFromJsonAsync<JsonElement>($"/api/publications/{id}")).GetProperty("titleTranslations").GetProperty("fr").GetString());
    }

    [Fact]
    public async Task A_translation_in_another_language_is_refused()
    {
        var client = await app.ClientAsync(Roles.Staff);

        var fields = await Api.ErrorFieldsAsync(await client.PostAsJsonAsync("/api/publications", new
        {
            title = "Bessere Unterstützung", type = "research", titleTranslations = new Dictionary<string, string> { ["de"] = "Bessere Unterstützung" },
        }));

        Assert.Equal(["titleTranslations"], fields);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/publications")).GetProperty("totalCount").GetInt32());
    }
}
