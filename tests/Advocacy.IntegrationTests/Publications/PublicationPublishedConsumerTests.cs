using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.Modules.Reports.Contracts;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Advocacy.IntegrationTests.Publications;

/// <summary>
/// Projects turns PublicationPublished into publication activities exactly once: the messages are published
/// on the real bus as Reports' outbox publishes them, and consumed into the real database.
/// </summary>
public sealed class PublicationPublishedConsumerTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly DateTimeOffset Published = new(2014, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static PublicationPublished Gmr(Guid id, IReadOnlyList<Guid> projects, DateTimeOffset occurredAt, string title = "Global Monitoring Report: Belgium") =>
        new(id, title, PublicationType.MonitoringReport, new DateOnly(2014, 11, 20), ["en", "fr"], "https://ecpat.be/gmr", projects, occurredAt);

    private Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        ConsumedProbe.PublishAndWaitAsync(app.Services, message, "Projects", messageId);

    private async Task<List<JsonElement>> ActivitiesAsync(HttpClient client, Guid projectId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/activities?projectId={projectId}")).GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task A_publication_becomes_one_publication_activity_per_linked_project_and_repeats_or_older_states_change_nothing()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var tasec = await Api.CreateProjectAsync(client, "TASEC", "2012-01-01");
        var publicationId = Guid.NewGuid();
        var messageId = NewId.NextGuid();

        await PublishAsync(Gmr(publicationId, [tasec], Published), messageId);
        var activity = Assert.Single(await ActivitiesAsync(client, tasec));
        Assert.Equal(("publication", "publication", "2014-11-20"),
            (activity.GetProperty("type").GetString(), activity.GetProperty("source").GetString(), activity.GetProperty("date").GetString()));
        Assert.Equal(publicationId, activity.GetProperty("reportId").GetGuid());
        Assert.Contains("en, fr", activity.GetProperty("notes").GetString());

        var before = await app.ScalarAsync<string>("SELECT string_agg(id::text || xmin::text, ',') FROM projects.activities");
        await PublishAsync(Gmr(publicationId, [tasec], Published), messageId);
        await PublishAsync(Gmr(publicationId, [tasec], Published));
        await PublishAsync(Gmr(publicationId, [], Published.AddMinutes(-5), title: "An older title"));
        Assert.Equal(before, await app.ScalarAsync<string>("SELECT string_agg(id::text || xmin::text, ',') FROM projects.activities"));
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.outbox_messages WHERE type LIKE '%ActivityLogged%'"));

        await PublishAsync(Gmr(publicationId, [], Published.AddMinutes(5)));
        Assert.Empty(await ActivitiesAsync(client, tasec));
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.outbox_messages WHERE type LIKE '%ActivityDeleted%'"));
    }
}
