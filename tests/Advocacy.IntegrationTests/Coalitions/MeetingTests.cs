using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Coalitions;

public sealed class MeetingTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    private const string Attended = "CoalitionMeetingAttended";
    private readonly CoalitionsKit _kit = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static JsonObject Meeting(string date, JsonArray? attendees = null, JsonArray? projects = null, JsonArray? followUps = null) => new()
    {
        ["date"] = date,
        ["agenda"] = "The NGO report to the UN Committee on the Rights of the Child",
        ["attendeeUserIds"] = attendees ?? [],
        ["projectIds"] = projects ?? [],
        ["followUps"] = followUps ?? [],
    };

    private static JsonObject FollowUp(string owner, string dueDate, string action = "Send our chapter on sexual exploitation") => new()
    {
        ["action"] = action,
        ["ownerUserId"] = owner,
        ["dueDate"] = dueDate,
    };

    private static async Task<JsonElement> RecordAsync(HttpClient client, Guid coalitionId, JsonObject meeting) =>
        await (await client.PostAsJsonAsync($"/api/coalitions/{coalitionId}/meetings", meeting)).JsonAsync(HttpStatusCode.Created);

    private static JsonObject Edit(JsonObject meeting, JsonElement read)
    {
        meeting["version"] = read.GetProperty("version").GetUInt32();
        meeting.Remove("followUps");
        return meeting;
    }

    [Fact]
    public async Task A_meeting_attended_for_us_and_linked_to_a_project_publishes_CoalitionMeetingAttended_with_its_state()
    {
        var (staff, staffId) = await _kit.UserAsync(Roles.Staff);
        var (_, managerId) = await _kit.UserAsync(Roles.Manager);
        var coalitionId = await CoalitionsKit.RegisterAsync(staff);
        var mario = await _kit.KnownProjectAsync(staff, "MARIO");
        var react = await _kit.KnownProjectAsync(staff, "REACT");

        var meeting = await RecordAsync(staff, coalitionId, Meeting("2015-10-13",
            CoalitionsKit.Array(staffId, managerId), CoalitionsKit.Array(mario, react), new JsonArray(FollowUp(staffId, "2015-11-06"))));

        var message = Assert.Single(await _kit.OutboxAsync(Attended));
        Assert.Equal(meeting.GetProperty("id").GetGuid(), message.GetProperty("meetingId").GetGuid());
        Assert.Equal(coalitionId, message.GetProperty("coalitionId").GetGuid());
        Assert.Equal("Kinderrechtencoalitie", message.GetProperty("coalitionName").GetString());
        Assert.Equal("2015-10-13", message.GetProperty("date").GetString());
        Assert.Equal("The NGO report to the UN Committee on the Rights of the Child", message.GetProperty("agenda").GetString());
        Assert.Equal(2, message.GetProperty("attendeesForUs").GetInt32());
        Assert.Equal([mario, react], CoalitionsKit.Guids(message.GetProperty("projectIds")));
        Assert.Equal(1, meeting.GetProperty("followUps").GetArrayLength());
        Assert.Equal(staffId, meeting.GetProperty("recordedBy").GetString());
    }

    [Fact]
    public async Task A_meeting_without_an_attendee_for_us_or_without_a_project_publishes_nothing()
    {
        var (staff, staffId) = await _kit.UserAsync(Roles.Staff);
        var coalitionId = await CoalitionsKit.RegisterAsync(staff);
        var mario = await _kit.KnownProjectAsync(staff, "MARIO");

        await RecordAsync(staff, coalitionId, Meeting("2015-10-13", projects: CoalitionsKit.Array(mario)));
        await RecordAsync(staff, coalitionId, Meeting("2015-11-13", attendees: CoalitionsKit.Array(staffId)));

        Assert.Equal(2L, await _kit.CountAsync("meetings"));
        Assert.Empty(await _kit.OutboxAsync(Attended));
    }

    [Fact]
    public async Task Editing_a_published_meeting_publishes_it_again_and_unlinking_it_publishes_it_with_no_projects()
    {
        var (staff, staffId) = await _kit.UserAsync(Roles.Staff);
        var coalitionId = await CoalitionsKit.RegisterAsync(staff);
        var mario = await _kit.KnownProjectAsync(staff, "MARIO");
        var meeting = await RecordAsync(staff, coalitionId, Meeting("2015-10-13", CoalitionsKit.Array(staffId), CoalitionsKit.Array(mario)));
        var url = $"/api/coalitions/{coalitionId}/meetings/{meeting.GetProperty("id").GetGuid()}";

        var moved = Edit(Meeting("2015-10-14", CoalitionsKit.Array(staffId), CoalitionsKit.Array(mario)), meeting);
        var edited = await (await staff.PutAsJsonAsync(url, moved)).JsonAsync(HttpStatusCode.OK);
        var unlinked = Edit(Meeting("2015-10-14", CoalitionsKit.Array(staffId)), edited);
        var withdrawn = await (await staff.PutAsJsonAsync(url, unlinked)).JsonAsync(HttpStatusCode.OK);
        // Not published before this edit: nothing for Projects to hear.
        await (await staff.PutAsJsonAsync(url, Edit(Meeting("2015-10-15"), withdrawn))).JsonAsync(HttpStatusCode.OK);

        var messages = await _kit.OutboxAsync(Attended);
        Assert.Equal(3, messages.Count);
        Assert.Equal("2015-10-14", messages[1].GetProperty("date").GetString());
        Assert.Equal([mario], CoalitionsKit.Guids(messages[1].GetProperty("projectIds")));
        Assert.Empty(CoalitionsKit.Guids(messages[2].GetProperty("projectIds")));
        Assert.All(messages, m => Assert.Equal(meeting.GetProperty("id").GetGuid(), m.GetProperty("meetingId").GetGuid()));
    }

    [Fact]
    public async Task Removing_every_attendee_of_a_published_meeting_publishes_it_with_no_projects()
    {
        var (staff, staffId) = await _kit.UserAsync(Roles.Staff);
        var coalitionId = await CoalitionsKit.RegisterAsync(staff);
        var mario = await _kit.KnownProjectAsync(staff, "MARIO");
        var meeting = await RecordAsync(staff, coalitionId, Meeting("2015-10-13", CoalitionsKit.Array(staffId), CoalitionsKit.Array(mario)));

        await (await staff.PutAsJsonAsync($"/api/coalitions/{coalitionId}/meetings/{meeting.GetProperty("id").GetGuid()}",
            Edit(Meeting("2015-10-13", projects: CoalitionsKit.Array(mario)), meeting))).JsonAsync(HttpStatusCode.OK);

        var messages = await _kit.OutboxAsync(Attended);
        Assert.Equal(2, messages.Count);
        Assert.Equal(0, messages[1].GetProperty("attendeesForUs").GetInt32());
        Assert.Empty(CoalitionsKit.Guids(messages[1].GetProperty("projectIds")));
    }

    [Fact]
    public async Task A_project_Coalitions_does_not_know_or_a_person_who_is_not_a_user_returns_400_and_writes_nothing()
    {
        var (staff, staffId) = await _kit.UserAsync(Roles.Staff);
        var coalitionId = await CoalitionsKit.RegisterAsync(staff);
        var mario = await _kit.KnownProjectAsync(staff, "MARIO");
        var before = await _kit.RowsAsync();

        var response = await staff.PostAsJsonAsync($"/api/coalitions/{coalitionId}/meetings", Meeting("2015-10-13",
            CoalitionsKit.Array(staffId, "someone-who-left"), CoalitionsKit.Array(mario, Guid.NewGuid()),
            new JsonArray(FollowUp(staffId, "2015-11-06"), FollowUp("nobody", "2015-11-06"))));

        Assert.Equal(["attendeeUserIds", "followUps[1].ownerUserId", "projectIds"], await Api.ErrorFieldsAsync(response));
        Assert.Equal(before, await _kit.RowsAsync());
    }

    public static TheoryData<string, string, JsonNode?> BadFields => new()
    {
        { "date", "date", "1989-12-31" },
        { "date", "date", "2101-01-01" },
        { "date", "date", null },
        { "agenda", "agenda", new string('x', 4001) },
        { "attendeeUserIds", "attendeeUserIds", CoalitionsKit.Array("a", "a") },
        { "projectIds", "projectIds", CoalitionsKit.Array(Guid.Empty, Guid.Empty) },
        { "followUps[0].dueDate", "followUps", new JsonArray(FollowUp("someone", "2015-10-12")) },
        { "followUps[0].action", "followUps", new JsonArray(FollowUp("someone", "2015-10-20", action: "")) },
        { "followUps[0].ownerUserId", "followUps", new JsonArray(FollowUp("", "2015-10-20")) },
        { "followUps[0].dueDate", "followUps", new JsonArray(new JsonObject { ["action"] = "Call", ["ownerUserId"] = "someone" }) },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Recording_a_meeting_with_a_bad_field_returns_400_naming_it_and_writes_nothing(string expectedField, string field, JsonNode? value)
    {
        var client = await app.ClientAsync(Roles.Staff);
        var coalitionId = await CoalitionsKit.RegisterAsync(client);

        await _kit.AssertRejectedAndNothingWrittenAsync(client, $"/api/coalitions/{coalitionId}/meetings", Meeting("2015-10-13"), field, value, expectedField);
    }

    [Fact]
    public async Task Meetings_of_unknown_coalitions_or_of_another_coalition_are_404()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var coalitionId = await CoalitionsKit.RegisterAsync(client);
        var otherId = await CoalitionsKit.RegisterAsync(client, "Coordination of NGOs for the rights of the child");
        var meeting = await RecordAsync(client, coalitionId, Meeting("2015-10-13"));
        var id = meeting.GetProperty("id").GetGuid();

        await (await client.PostAsJsonAsync($"/api/coalitions/{Guid.NewGuid()}/meetings", Meeting("2015-10-13"))).JsonAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/coalitions/{otherId}/meetings/{id}")).JsonAsync(HttpStatusCode.NotFound);
        await (await client.PutAsJsonAsync($"/api/coalitions/{otherId}/meetings/{id}", Edit(Meeting("2015-10-13"), meeting))).JsonAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/coalitions/{Guid.NewGuid()}/meetings")).JsonAsync(HttpStatusCode.NotFound);
        await (await client.PutAsJsonAsync($"/api/coalitions/{coalitionId}/meetings/{id}/follow-ups/{Guid.NewGuid()}",
            FollowUp("someone", "2015-10-20"))).JsonAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_meeting_edit_with_a_stale_version_is_409_and_writes_no_message()
    {
        var (staff, staffId) = await _kit.UserAsync(Roles.Staff);
        var coalitionId = await CoalitionsKit.RegisterAsync(staff);
        var mario = await _kit.KnownProjectAsync(staff, "MARIO");
        var meeting = await RecordAsync(staff, coalitionId, Meeting("2015-10-13", CoalitionsKit.Array(staffId), CoalitionsKit.Array(mario)));
        var url = $"/api/coalitions/{coalitionId}/meetings/{meeting.GetProperty("id").GetGuid()}";

        await (await staff.PutAsJsonAsync(url, Edit(Meeting("2015-10-14", CoalitionsKit.Array(staffId), CoalitionsKit.Array(mario)), meeting))).JsonAsync(HttpStatusCode.OK);
        await (await staff.PutAsJsonAsync(url, Edit(Meeting("2015-10-15", CoalitionsKit.Array(staffId)), meeting))).JsonAsync(HttpStatusCode.Conflict);
        var noVersion = Meeting("2015-10-15");
        noVersion.Remove("followUps");
        Assert.Equal(["version"], await Api.ErrorFieldsAsync(await staff.PutAsJsonAsync(url, noVersion)));

        Assert.Equal(2, (await _kit.OutboxAsync(Attended)).Count);
        Assert.Equal(new DateOnly(2015, 10, 14), await app.ScalarAsync<DateOnly>("SELECT date FROM coalitions.meetings"));
    }

    [Fact]
    public async Task Follow_ups_are_added_and_marked_done_with_their_own_version_and_never_due_before_the_meeting()
    {
        var (staff, staffId) = await _kit.UserAsync(Roles.Staff);
        var (_, managerId) = await _kit.UserAsync(Roles.Manager);
        var coalitionId = await CoalitionsKit.RegisterAsync(staff);
        var meeting = await RecordAsync(staff, coalitionId, Meeting("2015-10-13"));
        var followUps = $"/api/coalitions/{coalitionId}/meetings/{meeting.GetProperty("id").GetGuid()}/follow-ups";

        var added = await (await staff.PostAsJsonAsync(followUps, FollowUp(staffId, "2015-11-06"))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(["dueDate"], await Api.ErrorFieldsAsync(await staff.PostAsJsonAsync(followUps, FollowUp(staffId, "2015-10-12"))));
        Assert.Equal(["ownerUserId"], await Api.ErrorFieldsAsync(await staff.PostAsJsonAsync(followUps, FollowUp("nobody", "2015-11-06"))));

        var done = FollowUp(managerId, "2015-11-06");
        done["done"] = true;
        done["version"] = added.GetProperty("version").GetUInt32();
        var closed = await (await staff.PutAsJsonAsync($"{followUps}/{added.GetProperty("id").GetGuid()}", done)).JsonAsync(HttpStatusCode.OK);
        await (await staff.PutAsJsonAsync($"{followUps}/{added.GetProperty("id").GetGuid()}", done)).JsonAsync(HttpStatusCode.Conflict);
        done.Remove("version");
        Assert.Equal(["version"], await Api.ErrorFieldsAsync(await staff.PutAsJsonAsync($"{followUps}/{added.GetProperty("id").GetGuid()}", done)));

        Assert.True(closed.GetProperty("done").GetBoolean());
        Assert.Equal(CoalitionsKit.Today.ToString("yyyy-MM-dd"), closed.GetProperty("doneOn").GetString());
        Assert.Equal(managerId, closed.GetProperty("ownerUserId").GetString());
        var read = await staff.GetFromJsonAsync<JsonElement>($"/api/coalitions/{coalitionId}/meetings/{meeting.GetProperty("id").GetGuid()}");
        Assert.Equal(1, read.GetProperty("followUps").GetArrayLength());
        Assert.Equal(1L, await _kit.CountAsync("follow_ups"));
        Assert.Empty(await _kit.OutboxAsync(Attended));
    }

    [Fact]
    public async Task Moving_a_meeting_after_a_follow_ups_due_date_returns_400_on_date()
    {
        var (staff, staffId) = await _kit.UserAsync(Roles.Staff);
        var coalitionId = await CoalitionsKit.RegisterAsync(staff);
        var meeting = await RecordAsync(staff, coalitionId, Meeting("2015-10-13", followUps: new JsonArray(FollowUp(staffId, "2015-11-06"))));

        var response = await staff.PutAsJsonAsync($"/api/coalitions/{coalitionId}/meetings/{meeting.GetProperty("id").GetGuid()}",
            Edit(Meeting("2015-11-07"), meeting));

        Assert.Equal(["date"], await Api.ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task My_follow_ups_due_lists_only_my_open_ones_overdue_or_due_within_the_week()
    {
        var (staff, staffId) = await _kit.UserAsync(Roles.Staff);
        var (manager, managerId) = await _kit.UserAsync(Roles.Manager);
        var coalitionId = await CoalitionsKit.RegisterAsync(staff);
        string Day(int days) => CoalitionsKit.Today.AddDays(days).ToString("yyyy-MM-dd");
        var doneOne = FollowUp(staffId, Day(-2), "Already done");
        doneOne["done"] = true;
        await RecordAsync(staff, coalitionId, Meeting(Day(-20), followUps: new JsonArray(
            FollowUp(staffId, Day(-5), "Overdue"),
            FollowUp(staffId, Day(3), "Due in three days"),
            FollowUp(staffId, Day(30), "Due next month"),
            doneOne,
            FollowUp(managerId, Day(-1), "The manager's overdue one"),
            FollowUp(managerId, Day(2), "The manager's for this week"))));

        async Task<string[]> Actions(HttpClient client, string query)
        {
            var page = await (await client.GetAsync($"/api/coalitions/follow-ups?{query}")).JsonAsync(HttpStatusCode.OK);
            return page.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("action").GetString()!).ToArray();
        }

        Assert.Equal(["Overdue"], await Actions(staff, "owner=me&due=overdue"));
        Assert.Equal(["Due in three days"], await Actions(staff, "owner=me&due=week"));
        Assert.Equal(["Overdue", "Due in three days", "Due next month"], await Actions(staff, "owner=me"));
        Assert.Equal(["The manager's overdue one"], await Actions(manager, "owner=me&due=overdue"));
        Assert.Equal(["Overdue", "The manager's overdue one"], await Actions(manager, "due=overdue"));
        Assert.Equal(["The manager's overdue one", "The manager's for this week"], await Actions(staff, $"owner={managerId}"));
        var item = (await manager.GetFromJsonAsync<JsonElement>("/api/coalitions/follow-ups?owner=me&due=week")).GetProperty("items")[0];
        Assert.Equal(("Kinderrechtencoalitie", Day(-20)), (item.GetProperty("coalitionName").GetString(), item.GetProperty("meetingDate").GetString()));

        var bad = await (await staff.GetAsync("/api/coalitions/follow-ups?due=tomorrow")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["due"], bad.ErrorFields());
    }

    [Fact]
    public async Task A_coalitions_meetings_are_listed_latest_first_within_a_period()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var coalitionId = await CoalitionsKit.RegisterAsync(client);
        var otherId = await CoalitionsKit.RegisterAsync(client, "Coordination of NGOs for the rights of the child");
        foreach (var date in new[] { "2015-03-10", "2015-10-13", "2016-02-02" })
        {
            await RecordAsync(client, coalitionId, Meeting(date));
        }
        await RecordAsync(client, otherId, Meeting("2015-06-01"));

        async Task<string[]> Dates(string query)
        {
            var page = await (await client.GetAsync($"/api/coalitions/{coalitionId}/meetings?{query}")).JsonAsync(HttpStatusCode.OK);
            return page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("date").GetString()!).ToArray();
        }

        Assert.Equal(["2016-02-02", "2015-10-13", "2015-03-10"], await Dates(""));
        Assert.Equal(["2015-10-13", "2015-03-10"], await Dates("from=2015-01-01&to=2015-12-31"));
        Assert.Equal(["2015-10-13"], await Dates("pageSize=1&page=2"));
        var bad = await (await client.GetAsync($"/api/coalitions/{coalitionId}/meetings?from=2016-01-01&to=2015-01-01")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["to"], bad.ErrorFields());
    }
}
