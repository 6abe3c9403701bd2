using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Reference;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.Modules.Reports;

namespace Advocacy.IntegrationTests.Publications;

/// <summary>The publications and priority actions from the seed texts, as SeedReportsDemoDataAsync loads them.</summary>
public sealed class PublicationsDemoDataTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_seed_texts_publications_and_priority_actions_are_loaded_once_and_publish_nothing()
    {
        await app.Services.SeedReportsDemoDataAsync(CancellationToken.None);
        await app.Services.SeedReportsDemoDataAsync(CancellationToken.None);
        var client = await app.ClientAsync(Roles.Manager);

        var publications = await client.GetFromJsonAsync<JsonElement>("/api/publications");
        Assert.Equal(4, publications.GetProperty("totalCount").GetInt32());
        var titles = publications.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("title").GetString()).ToList();
        Assert.Contains("Better support, better protection", titles);
        var video = publications.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("type").GetString() == "video");
        var languages = video.GetProperty("languages").EnumerateArray().Select(l => l.GetString()!).ToList();
        Assert.Equal(13, languages.Count);
        Assert.All(languages, l => Assert.True(Languages.IsKnown(l), l));

        var gmr = publications.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("type").GetString() == "monitoringReport");
        Assert.Equal("2014-11-20", gmr.GetProperty("publishedOn").GetString());
        var actions = await client.GetFromJsonAsync<JsonElement>($"/api/recommendations?status=open&publicationId={gmr.GetProperty("id").GetGuid()}");
        Assert.Equal(4, actions.GetProperty("totalCount").GetInt32());
        Assert.Equal(6, (await client.GetFromJsonAsync<JsonElement>("/api/recommendations?status=open")).GetProperty("totalCount").GetInt32());
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM reports.outbox_messages"));
    }
}
