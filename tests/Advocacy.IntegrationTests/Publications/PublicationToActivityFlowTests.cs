using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using static Advocacy.IntegrationTests.Publications.PublicationsKit;

namespace Advocacy.IntegrationTests.Publications;

/// <summary>
/// End to end: a publication linked to a project, once published, becomes a publication activity in that
/// project's log in Projects, and leaves it when unlinked.
/// </summary>
public sealed class PublicationToActivityFlowTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static Task<List<JsonElement>> LogWhenAsync(HttpClient client, Guid projectId, Func<List<JsonElement>, bool> condition, string what) =>
        Eventually.Get(async () =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/activities?projectId={projectId}&sort=date")).GetProperty("items")
                .EnumerateArray().ToList() is var log && condition(log) ? log : null, what);

    [Fact]
    public async Task A_published_publication_becomes_an_activity_of_the_linked_project_and_leaves_when_unlinked()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var react = await ProjectKnownToReportsAsync(app, client, "REACT");
        var created = await CreateAsync(client, Draft(projectIds: [react]));
        // A draft is not (yet) work done.
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/activities?projectId={react}")).GetProperty("items").EnumerateArray());

        var published = await PublishAsync(client, created, "2018-10-18");
        var log = await LogWhenAsync(client, react, l => l.Count == 1, "the publication in REACT's log");
        Assert.Equal(("publication", "2018-10-18", "Better support, better protection"),
            (log[0].GetProperty("type").GetString(), log[0].GetProperty("date").GetString(), log[0].GetProperty("title").GetString()));
        Assert.Equal(created.Id(), log[0].GetProperty("reportId").GetGuid());
        Assert.Contains("en, fr, nl", log[0].GetProperty("notes").GetString());

        // Edited while published: the activity follows.
        var retitled = await (await client.PutAsJsonAsync($"/api/publications/{created.Id()}",
            Draft(title: "Better support, better protection (ReACT)", projectIds: [react], version: published.Version()))).JsonAsync(HttpStatusCode.OK);
        await LogWhenAsync(client, react, l => l.Count == 1 && l[0].GetProperty("title").GetString() == "Better support, better protection (ReACT)",
            "the activity retitled");

        // Unlinked: the activity leaves the log.
        await (await client.PutAsJsonAsync($"/api/publications/{created.Id()}",
            Draft(title: "Better support, better protection (ReACT)", projectIds: [], version: retitled.Version()))).JsonAsync(HttpStatusCode.OK);
        await LogWhenAsync(client, react, l => l.Count == 0, "the publication withdrawn from REACT's log");
    }
}
