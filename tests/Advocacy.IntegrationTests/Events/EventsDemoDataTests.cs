using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Projects;
using Advocacy.Modules.Events;

namespace Advocacy.IntegrationTests.Events;

/// <summary>The events of the seed texts, as the run command loads them.</summary>
public sealed class EventsDemoDataTests(DemoApp app) : IClassFixture<DemoApp>
{
    private Task<long> EventRows() =>
        app.ScalarAsync<long>("SELECT (SELECT count(*) FROM events.events) + (SELECT count(*) FROM events.participants) + (SELECT count(*) FROM events.outbox_messages)");

    [Fact]
    public async Task The_seed_texts_events_are_held_with_their_sessions_attendance_and_participants()
    {
        var client = await app.ClientAsync(Roles.Manager);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/events?status=held");
        var events = list.GetProperty("items").EnumerateArray().ToDictionary(e => e.GetProperty("title").GetString()!);

        Assert.Equal(5, events.Count);
        var training = events["Training for ACCOR Belgium's managers"];
        Assert.Equal(["2015-09-08", "2015-09-22", "2015-09-29"], training.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("date").GetString()!).ToArray());
        var presentation = events.Values.Single(e => e.GetProperty("kind").GetString() == "presentation");
        Assert.Equal(("2017-03-01", "FR", 47), (presentation.GetProperty("startsOn").GetString(), presentation.GetProperty("country").GetString(),
            presentation.GetProperty("attendance")[0].GetProperty("count").GetInt32()));
        Assert.Equal("European Union", events["EU Anti-trafficking Day"].GetProperty("organiserName").GetString());
        Assert.Equal(2, events.Values.Count(e => e.GetProperty("kind").GetString() == "awarenessDay"));

        var hearing = events.Values.Single(e => e.GetProperty("kind").GetString() == "parliamentaryHearing");
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/events/{hearing.GetProperty("id").GetGuid()}");
        var organisations = read.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("organisation").GetString()!).ToList();
        Assert.Contains("Police", organisations);
        Assert.Contains("Magistrates", organisations);
        Assert.All(read.GetProperty("participants").EnumerateArray(), p => Assert.Equal(JsonValueKind.Null, p.GetProperty("personName").ValueKind));
        // No EventHeld (Projects' demo data has the activities), but each one's schedule, for Reports.
        Assert.Equal(0L, await app.PublishedToProjectsAsync());
        Assert.Equal(5L, await app.PublishedAsync("EventScheduleChanged"));
    }

    [Fact]
    public async Task Loading_the_demo_events_again_changes_nothing()
    {
        var before = await EventRows();

        await app.Services.SeedEventsDemoDataAsync(CancellationToken.None);

        Assert.Equal(before, await EventRows());
    }
}
