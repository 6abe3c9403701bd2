using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.Modules.Coalitions.Contracts;
using Advocacy.Modules.Events.Contracts;
using Advocacy.Modules.Projects.Contracts;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Advocacy.IntegrationTests.Projects;

/// <summary>
/// Projects turns other modules' messages into activities, exactly once: the messages are published
/// on the real bus as Events and Coalitions publish them, and consumed into the real database.
/// </summary>
public sealed class ActivitiesFromOtherModulesTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly DateTimeOffset Held = new(2015, 9, 30, 9, 0, 0, TimeSpan.Zero);

    private static HeldEventDetails Training(Guid eventId, IReadOnlyList<Guid> projects, int professionals = 37) => new(
        eventId, "Training for ACCOR Belgium's managers", EventKind.Training,
        [new DateOnly(2015, 9, 29), new DateOnly(2015, 9, 8), new DateOnly(2015, 9, 22)],
        "Brussels", "BE", Online: false, OrganisedByUs: true, projects,
        [new ReachCount(Audience.Professionals, Gender.Female, professionals - 20), new ReachCount(Audience.Professionals, Gender.Male, 20)]);

    /// <summary>Publishes as an outbox would (the given message id) and waits until the bus has consumed it.</summary>
    private Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        ConsumedProbe.PublishAndWaitAsync(app.Services, message, "Projects", messageId);

    private async Task<List<JsonElement>> ActivitiesAsync(HttpClient client, Guid projectId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/activities?projectId={projectId}")).GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task An_event_marked_held_becomes_one_activity_per_linked_project_with_its_attendance_as_reach()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var hotel = await Api.CreateProjectAsync(client, "HOTEL-CODE", "2014-01-01");
        var react = await Api.CreateProjectAsync(client, "REACT", "2015-01-01");
        var eventId = Guid.NewGuid();

        await PublishAsync(new EventHeld(Training(eventId, [hotel, react]), Held));

        foreach (var project in new[] { hotel, react })
        {
            var activity = Assert.Single(await ActivitiesAsync(client, project));
            Assert.Equal("training", activity.GetProperty("type").GetString());
            Assert.Equal("2015-09-08", activity.GetProperty("date").GetString());
            Assert.Equal(37, activity.GetProperty("totalReach").GetInt32());
            Assert.Equal(eventId, activity.GetProperty("eventId").GetGuid());
            Assert.Equal("event", activity.GetProperty("source").GetString());
            Assert.Contains("3 sessions", activity.GetProperty("notes").GetString());
        }
        Assert.Equal(2L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.outbox_messages WHERE type LIKE '%ActivityLogged%'"));
    }

    [Fact]
    public async Task A_redelivered_EventHeld_changes_nothing()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var hotel = await Api.CreateProjectAsync(client, "HOTEL-CODE", "2014-01-01");
        var message = new EventHeld(Training(Guid.NewGuid(), [hotel]), Held);
        var messageId = NewId.NextGuid();

        await PublishAsync(message, messageId);
        var before = await app.ScalarAsync<string>("SELECT string_agg(id::text || xmin::text, ',') FROM projects.activities");
        await PublishAsync(message, messageId);
        await PublishAsync(message);

        Assert.Single(await ActivitiesAsync(client, hotel));
        Assert.Equal(before, await app.ScalarAsync<string>("SELECT string_agg(id::text || xmin::text, ',') FROM projects.activities"));
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.outbox_messages WHERE type LIKE '%Activity%'"));
    }

    [Fact]
    public async Task An_attendance_change_updates_the_activity_and_never_adds_a_second()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var hotel = await Api.CreateProjectAsync(client, "HOTEL-CODE", "2014-01-01");
        var eventId = Guid.NewGuid();
        await PublishAsync(new EventHeld(Training(eventId, [hotel]), Held));
        var first = Assert.Single(await ActivitiesAsync(client, hotel));

        await PublishAsync(new HeldEventUpdated(Training(eventId, [hotel], professionals: 45), Held.AddDays(2)));

        var updated = Assert.Single(await ActivitiesAsync(client, hotel));
        Assert.Equal(first.GetProperty("id").GetGuid(), updated.GetProperty("id").GetGuid());
        Assert.Equal(45, updated.GetProperty("totalReach").GetInt32());
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.outbox_messages WHERE type LIKE '%ActivityUpdated%'"));
    }

    [Fact]
    public async Task An_older_state_arriving_after_a_newer_one_is_ignored()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var hotel = await Api.CreateProjectAsync(client, "HOTEL-CODE", "2014-01-01");
        var eventId = Guid.NewGuid();

        await PublishAsync(new HeldEventUpdated(Training(eventId, [hotel], professionals: 45), Held.AddDays(2)));
        await PublishAsync(new EventHeld(Training(eventId, [hotel], professionals: 37), Held));

        Assert.Equal(45, Assert.Single(await ActivitiesAsync(client, hotel)).GetProperty("totalReach").GetInt32());
    }

    [Fact]
    public async Task Unlinking_a_project_withdraws_its_activity_and_cancelling_the_event_withdraws_all()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var hotel = await Api.CreateProjectAsync(client, "HOTEL-CODE", "2014-01-01");
        var react = await Api.CreateProjectAsync(client, "REACT", "2015-01-01");
        var eventId = Guid.NewGuid();
        await PublishAsync(new EventHeld(Training(eventId, [hotel, react]), Held));

        await PublishAsync(new HeldEventUpdated(Training(eventId, [hotel]), Held.AddDays(1)));
        Assert.Empty(await ActivitiesAsync(client, react));
        Assert.Single(await ActivitiesAsync(client, hotel));

        await PublishAsync(new EventWithdrawn(eventId, Held.AddDays(2)));
        Assert.Empty(await ActivitiesAsync(client, hotel));
        Assert.Equal(2L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.activities WHERE deleted_at IS NOT NULL"));
        Assert.Equal(2L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.outbox_messages WHERE type LIKE '%ActivityDeleted%'"));
    }

    [Fact]
    public async Task An_event_linked_to_a_project_Projects_does_not_know_records_nothing_for_it()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var hotel = await Api.CreateProjectAsync(client, "HOTEL-CODE", "2014-01-01");

        await PublishAsync(new EventHeld(Training(Guid.NewGuid(), [hotel, Guid.NewGuid()]), Held));

        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.activities"));
    }

    [Fact]
    public async Task An_activity_recorded_from_an_event_cannot_be_edited_or_deleted_by_hand()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var hotel = await Api.CreateProjectAsync(client, "HOTEL-CODE", "2014-01-01");
        await PublishAsync(new EventHeld(Training(Guid.NewGuid(), [hotel]), Held));
        var activity = Assert.Single(await ActivitiesAsync(client, hotel));
        var id = activity.GetProperty("id").GetGuid();

        var edit = await client.PutAsJsonAsync($"/api/activities/{id}", new
        {
            type = "training", date = "2015-09-08", title = "Edited by hand", version = activity.GetProperty("version").GetUInt32(),
        });
        var problem = await edit.JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("change it there", problem.GetProperty("detail").GetString());
        await (await client.DeleteAsync($"/api/activities/{id}")).JsonAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_coalition_meeting_attended_and_a_statement_signed_become_advocacy_activities()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var mario = await Api.CreateProjectAsync(client, "MARIO", "2014-01-01");
        var coalitionId = Guid.NewGuid();
        var statementId = Guid.NewGuid();

        await PublishAsync(new CoalitionMeetingAttended(Guid.NewGuid(), coalitionId, "Initiative for Children in Migration",
            new DateOnly(2015, 10, 5), "Refugee children arriving via southern Europe", 2, [mario], Held));
        await PublishAsync(new StatementSigned(statementId, null, null, "Protecting refugee and migrant children",
            new DateOnly(2015, 10, 28), "European institutions", 12, [mario], Held));

        var activities = (await ActivitiesAsync(client, mario)).ToDictionary(a => a.GetProperty("type").GetString()!);
        Assert.Equal(coalitionId, activities["coalitionMeeting"].GetProperty("coalitionId").GetGuid());
        Assert.Equal("Initiative for Children in Migration: meeting", activities["coalitionMeeting"].GetProperty("title").GetString());
        Assert.Contains("signed by 12 organisations", activities["consultationOrSubmission"].GetProperty("notes").GetString());

        // Unlinked (or no longer signed by us): the statement's activity is withdrawn.
        await PublishAsync(new StatementSigned(statementId, null, null, "Protecting refugee and migrant children",
            new DateOnly(2015, 10, 28), "European institutions", 12, [], Held.AddDays(1)));
        Assert.Equal("coalitionMeeting", Assert.Single(await ActivitiesAsync(client, mario)).GetProperty("type").GetString());
    }
}
