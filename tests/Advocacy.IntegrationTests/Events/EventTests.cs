using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.Modules.Events.Contracts;
using static Advocacy.IntegrationTests.Events.EventApi;

namespace Advocacy.IntegrationTests.Events;

/// <summary>Planning, editing, listing events and their participants.</summary>
public sealed class EventTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<long> WrittenToEvents() =>
        app.ScalarAsync<long>("SELECT (SELECT count(*) FROM events.events) + (SELECT count(*) FROM events.participants) + (SELECT count(*) FROM events.outbox_messages)");

    [Fact]
    public async Task Planning_a_training_of_three_sessions_keeps_them_earliest_first_and_publishes_only_its_schedule()
    {
        var client = await app.ClientAsync(Roles.Staff);

        var response = await client.PostAsJsonAsync("/api/events", Training("2015-09-29", "2015-09-08", "2015-09-22"));

        var planned = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/events/{Id(planned)}", response.Headers.Location?.OriginalString);
        Assert.Equal("planned", planned.GetProperty("status").GetString());
        Assert.Equal("2015-09-08", planned.GetProperty("startsOn").GetString());
        Assert.Equal(["2015-09-08", "2015-09-22", "2015-09-29"],
            planned.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("date").GetString()!).ToArray());
        Assert.Equal("09:30:00", planned.GetProperty("sessions")[0].GetProperty("startTime").GetString());
        var read = await (await client.GetAsync($"/api/events/{Id(planned)}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, read.GetProperty("sessions").GetArrayLength());
        Assert.Equal(0, read.GetProperty("participants").GetArrayLength());
        Assert.Equal(0, read.GetProperty("attendance").GetArrayLength());
        Assert.Equal(0L, await app.PublishedToProjectsAsync());
        Assert.Equal(1L, await app.PublishedAsync("EventScheduleChanged"));
        var schedule = JsonDocument.Parse(await app.ScalarAsync<string>(
            "SELECT payload::text FROM events.outbox_messages WHERE type LIKE $1", OutboxType("EventScheduleChanged"))).RootElement;
        Assert.Equal((int)ScheduledEventStatus.Planned, schedule.GetProperty("event").GetProperty("status").GetInt32());
        Assert.Equal(["2015-09-08", "2015-09-22", "2015-09-29"],
            schedule.GetProperty("event").GetProperty("sessionDates").EnumerateArray().Select(d => d.GetString()!).ToArray());
        Assert.Equal(planned.GetProperty("updatedAt").GetDateTimeOffset(), schedule.GetProperty("occurredAt").GetDateTimeOffset());
    }

    public static TheoryData<string, string> BadFields => new()
    {
        { "title", """{ "title": "" }""" },
        { "kind", """{ "kind": null }""" },
        { "description", $$"""{ "description": "{{new string('x', 4001)}}" }""" },
        { "sessions", """{ "sessions": [] }""" },
        { "sessions", """{ "sessions": null }""" },
        { "sessions", """{ "sessions": [{ "date": "2015-09-08" }, { "date": "2015-09-08" }] }""" },
        { "sessions", $$"""{ "sessions": [{{string.Join(", ", Enumerable.Range(0, 51).Select(i => $$"""{ "date": "{{new DateOnly(2015, 1, 1).AddDays(i):yyyy-MM-dd}}" }"""))}}] }""" },
        { "sessions[0].date", """{ "sessions": [{ "startTime": "09:00" }] }""" },
        { "sessions[0].date", """{ "sessions": [{ "date": "1989-12-31" }] }""" },
        { "sessions[1].date", """{ "sessions": [{ "date": "2015-09-08" }, { "date": "2101-01-01" }] }""" },
        { "sessions[0].endTime", """{ "sessions": [{ "date": "2015-09-08", "startTime": "12:30", "endTime": "09:30" }] }""" },
        { "sessions[0].endTime", """{ "sessions": [{ "date": "2015-09-08", "startTime": "09:30", "endTime": "09:30" }] }""" },
        { "sessions[0].startTime", """{ "sessions": [{ "date": "2015-09-08", "endTime": "12:30" }] }""" },
        { "country", """{ "country": "XX" }""" },
        { "country", """{ "country": "be" }""" },
        { "place", """{ "place": null }""" },
        { "place", $$"""{ "place": "{{new string('x', 301)}}" }""" },
        { "onlineUrl", """{ "onlineUrl": "https://meet.example.org/accor" }""" },
        { "onlineUrl", """{ "online": true, "onlineUrl": "ftp://files.example.org/accor" }""" },
        { "organisedByUs", """{ "organisedByUs": null }""" },
        { "organiserName", """{ "organisedByUs": false }""" },
        { "organiserName", """{ "organisedByUs": false, "organiserName": " " }""" },
        { "projectIds", """{ "projectIds": ["6a1e1f42-6a3c-4a43-9d0a-1c3f0f6f0001"] }""" },
        { "projectIds", $$"""{ "projectIds": [{{string.Join(", ", Enumerable.Range(0, 21).Select(_ => $"\"{Guid.NewGuid()}\""))}}] }""" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Planning_an_event_with_a_bad_field_returns_400_naming_it_and_writes_nothing(string expectedField, string patch)
    {
        var client = await app.ClientAsync(Roles.Staff);

        var response = await client.PostAsJsonAsync("/api/events", Training("2015-09-08").With(patch));

        Assert.Contains(expectedField, await Api.ErrorFieldsAsync(response));
        Assert.Equal(0L, await WrittenToEvents());
    }

    [Theory]
    [InlineData("{\"title\": \"x\", \"kind\": \"party\"}")]
    [InlineData("{\"title\": \"x\", \"kind\": 0}")]
    [InlineData("{\"title\": \"x\", \"kind\": \"training\", \"sessions\": [{ \"date\": \"8 September\" }]}")]
    [InlineData("{\"title\": \"x\", \"kind\": \"training\", \"sessions\": [{ \"date\": \"2015-09-08\", \"startTime\": \"half past nine\" }]}")]
    public async Task Mistyped_JSON_returns_400_problem_and_writes_nothing(string body)
    {
        var client = await app.ClientAsync(Roles.Staff);

        var response = await client.PostAsync("/api/events", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(400, (await response.JsonAsync(HttpStatusCode.BadRequest)).GetProperty("status").GetInt32());
        Assert.Equal(0L, await WrittenToEvents());
    }

    [Fact]
    public async Task An_online_event_and_an_awareness_day_need_no_place()
    {
        var client = await app.ClientAsync(Roles.Staff);

        var online = await PlanAsync(client, Training("2020-05-12").With("""{ "place": null, "country": null, "online": true, "onlineUrl": "https://meet.example.org/accor" }"""));
        var day = await PlanAsync(client, new JsonObject
        {
            ["title"] = "EU Anti-trafficking Day", ["kind"] = "awarenessDay", ["sessions"] = new JsonArray(new JsonObject { ["date"] = "2015-10-18" }),
            ["organisedByUs"] = false, ["organiserName"] = "European Union",
        });

        Assert.True(online.GetProperty("online").GetBoolean());
        Assert.Equal("https://meet.example.org/accor", online.GetProperty("onlineUrl").GetString());
        Assert.Equal(JsonValueKind.Null, day.GetProperty("place").ValueKind);
        Assert.Equal("European Union", day.GetProperty("organiserName").GetString());
        Assert.False(day.GetProperty("organisedByUs").GetBoolean());
    }

    [Fact]
    public async Task A_linked_project_must_be_known_to_Events_through_Projects_events()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var unknown = Guid.NewGuid();

        var projectId = await KnownProjectAsync(app, client, "HOTEL-CODE");
        var planned = await PlanAsync(client, Training("2015-09-08").With($$"""{ "projectIds": ["{{projectId}}", "{{projectId}}"] }"""));
        var problem = await (await client.PostAsJsonAsync("/api/events", Training("2015-09-08").With($$"""{ "projectIds": ["{{projectId}}", "{{unknown}}"] }""")))
            .JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal([projectId], planned.GetProperty("projectIds").EnumerateArray().Select(p => p.GetGuid()).ToArray());
        Assert.Equal(["projectIds"], problem.ErrorFields());
        Assert.Contains(unknown.ToString(), problem.GetProperty("errors").GetProperty("projectIds")[0].GetString());
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM events.events"));
    }

    [Fact]
    public async Task Events_keeps_its_copy_of_a_project_current_when_Projects_renames_it()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await KnownProjectAsync(app, client, "REACT");
        var project = await client.GetFromJsonAsync<JsonElement>($"/api/projects/{projectId}");

        await (await client.PutAsJsonAsync($"/api/projects/{projectId}", new
        {
            code = "REACT", name = "ReACT: Better support, better protection", level = "european", startDate = "2010-01-01",
            version = project.GetProperty("version").GetUInt32(),
        })).JsonAsync(HttpStatusCode.OK);

        await Eventually.Get(
            async () => await app.ScalarAsync<string>("SELECT name FROM events.known_projects WHERE project_id = $1", projectId) is var name
                && name == "ReACT: Better support, better protection" ? name : null,
            "the new name in Events' copy of the project");
    }

    [Fact]
    public async Task An_edit_changes_the_details_and_a_stale_version_returns_409_and_the_first_edit_stands()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var planned = await PlanAsync(client, Training("2015-09-08"));

        var edited = await (await client.PutAsJsonAsync($"/api/events/{Id(planned)}",
            Edit(Training("2015-09-08", "2015-09-22").With("""{ "title": "First edit", "description": "Code of Conduct signed in 2014." }"""), planned)))
            .JsonAsync(HttpStatusCode.OK);
        await (await client.PutAsJsonAsync($"/api/events/{Id(planned)}", Edit(Training("2015-09-08").With("""{ "title": "Stale edit" }"""), planned)))
            .JsonAsync(HttpStatusCode.Conflict);
        var noVersion = await client.PutAsJsonAsync($"/api/events/{Id(planned)}", Training("2015-09-08"));

        Assert.Equal(["version"], await Api.ErrorFieldsAsync(noVersion));
        Assert.NotEqual(Version(planned), Version(edited));
        Assert.Equal(2, edited.GetProperty("sessions").GetArrayLength());
        Assert.Equal("First edit", await app.ScalarAsync<string>("SELECT title FROM events.events"));
        Assert.Equal(0L, await app.PublishedToProjectsAsync());
        // The plan and the first edit; the rejected edits publish nothing.
        Assert.Equal(2L, await app.PublishedAsync("EventScheduleChanged"));
    }

    [Fact]
    public async Task A_cancelled_event_cannot_be_edited_nor_get_participants_but_can_lose_them()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var planned = await PlanAsync(client, Training("2015-09-08"));
        var participant = await (await client.PostAsJsonAsync($"/api/events/{Id(planned)}/participants", new { organisation = "ACCOR Belgium", role = "hotel managers" }))
            .JsonAsync(HttpStatusCode.Created);
        var cancelled = await (await client.PostAsJsonAsync($"/api/events/{Id(planned)}/cancel", VersionOf(planned))).JsonAsync(HttpStatusCode.OK);

        await (await client.PutAsJsonAsync($"/api/events/{Id(planned)}", Edit(Training("2015-09-08"), cancelled))).JsonAsync(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync($"/api/events/{Id(planned)}/participants", new { organisation = "Police", role = "speaker" }))
            .JsonAsync(HttpStatusCode.Conflict);
        await (await client.DeleteAsync($"/api/events/{Id(planned)}/participants/{Id(participant)}")).JsonAsync(HttpStatusCode.NoContent);

        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM events.participants"));
    }

    [Fact]
    public async Task Unknown_events_and_participants_return_404()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var planned = await PlanAsync(client, Training("2015-09-08"));
        var unknown = Guid.NewGuid();
        var version = new { version = 1u, attendance = Array.Empty<object>() };

        await (await client.GetAsync($"/api/events/{unknown}")).JsonAsync(HttpStatusCode.NotFound);
        await (await client.PutAsJsonAsync($"/api/events/{unknown}", Edit(Training("2015-09-08"), planned))).JsonAsync(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync($"/api/events/{unknown}/held", version)).JsonAsync(HttpStatusCode.NotFound);
        await (await client.PutAsJsonAsync($"/api/events/{unknown}/attendance", version)).JsonAsync(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync($"/api/events/{unknown}/cancel", version)).JsonAsync(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync($"/api/events/{unknown}/participants", new { organisation = "Police", role = "speaker" })).JsonAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync($"/api/events/{unknown}/participants/{unknown}")).JsonAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync($"/api/events/{Id(planned)}/participants/{unknown}")).JsonAsync(HttpStatusCode.NotFound);
        // The planned event and its EventScheduleChanged.
        Assert.Equal(2L, await WrittenToEvents());
    }

    [Fact]
    public async Task A_participant_is_an_organisation_and_a_role_and_a_named_person_needs_recorded_consent()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var planned = await PlanAsync(client, Training("2016-04-20").With("""{ "title": "Awareness event at the French-speaking Brussels Parliament", "kind": "parliamentaryHearing" }"""));
        var participants = $"/api/events/{Id(planned)}/participants";

        var police = await (await client.PostAsJsonAsync(participants, new { organisation = "Police", role = "police officers, testified" })).JsonAsync(HttpStatusCode.Created);
        var noConsent = await client.PostAsJsonAsync(participants, new { organisation = "Myria", role = "national rapporteur", personName = "A. Rapporteur" });
        var consentOnly = await client.PostAsJsonAsync(participants, new { organisation = "Myria", role = "national rapporteur", consentRecordedOn = "2016-04-01" });
        var futureConsent = await client.PostAsJsonAsync(participants, new { organisation = "Myria", role = "national rapporteur", personName = "A. Rapporteur", consentRecordedOn = "2100-01-01" });
        var noRole = await client.PostAsJsonAsync(participants, new { organisation = "Magistrates", role = "" });
        Assert.Equal(["personName"], await Api.ErrorFieldsAsync(noConsent));
        Assert.Equal(["consentRecordedOn"], await Api.ErrorFieldsAsync(consentOnly));
        Assert.Equal(["consentRecordedOn"], await Api.ErrorFieldsAsync(futureConsent));
        Assert.Equal(["role"], await Api.ErrorFieldsAsync(noRole));
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM events.participants"));

        var named = await (await client.PostAsJsonAsync(participants, new { organisation = "Myria", role = "national rapporteur", personName = "A. Rapporteur", consentRecordedOn = "2016-04-01" }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("A. Rapporteur", named.GetProperty("personName").GetString());
        var read = await (await client.GetAsync($"/api/events/{Id(planned)}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Police", "Myria"], read.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("organisation").GetString()!).ToArray());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("participants")[0].GetProperty("personName").ValueKind);

        // Lists carry no participants (and so no names).
        var list = await client.GetFromJsonAsync<JsonElement>("/api/events");
        Assert.False(list.GetProperty("items")[0].TryGetProperty("participants", out _));

        await (await client.DeleteAsync($"{participants}/{Id(named)}")).JsonAsync(HttpStatusCode.NoContent);
        await (await client.DeleteAsync($"{participants}/{Id(named)}")).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM events.participants WHERE person_name IS NOT NULL"));
        Assert.Equal(Id(police), await app.ScalarAsync<Guid>("SELECT id FROM events.participants"));
    }

    [Fact]
    public async Task The_list_filters_by_status_kind_period_and_project_sorts_by_first_session_and_pages()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var hotel = await KnownProjectAsync(app, client, "HOTEL-CODE");
        var training = await PlanAsync(client, Training("2015-09-29", "2015-09-08", "2015-09-22").With($$"""{ "projectIds": ["{{hotel}}"] }"""));
        await PlanAsync(client, Training("2017-03-01").With("""{ "title": "Presentation to the Council of Europe", "kind": "presentation", "place": "Strasbourg", "country": "FR", "organisedByUs": false, "organiserName": "Council of Europe" }"""));
        var day = await PlanAsync(client, Training("2015-11-18").With("""{ "title": "European Day", "kind": "awarenessDay", "place": null }"""));
        await PlanAsync(client, Training("2015-10-18").With("""{ "title": "EU Anti-trafficking Day", "kind": "awarenessDay", "place": null }"""));
        await (await HoldAsync(client, training, ("professionals", null, 37))).JsonAsync(HttpStatusCode.OK);
        await (await client.PostAsJsonAsync($"/api/events/{Id(day)}/cancel", VersionOf(day))).JsonAsync(HttpStatusCode.OK);

        async Task<JsonElement> List(string query) => await (await client.GetAsync($"/api/events?{query}")).JsonAsync(HttpStatusCode.OK);
        static string[] Titles(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToArray();

        Assert.Equal(["Training for ACCOR Belgium's managers", "EU Anti-trafficking Day", "European Day", "Presentation to the Council of Europe"], Titles(await List("")));
        Assert.Equal(["Training for ACCOR Belgium's managers"], Titles(await List("status=held")));
        Assert.Equal(["European Day"], Titles(await List("status=cancelled")));
        Assert.Equal(["EU Anti-trafficking Day", "European Day"], Titles(await List("kind=awarenessDay")));
        Assert.Equal(["EU Anti-trafficking Day", "European Day"], Titles(await List("from=2015-09-09&to=2015-12-31")));
        Assert.Equal(["Training for ACCOR Belgium's managers"], Titles(await List($"projectId={hotel}")));
        Assert.Empty(Titles(await List($"projectId={Guid.NewGuid()}")));
        Assert.Equal(["Presentation to the Council of Europe", "European Day"], Titles(await List("sort=-date&pageSize=2")));
        var second = await List("pageSize=3&page=2");
        Assert.Equal(4, second.GetProperty("totalCount").GetInt32());
        Assert.Equal(["Presentation to the Council of Europe"], Titles(second));
        Assert.Equal(37, (await List("status=held")).GetProperty("items")[0].GetProperty("totalAttendance").GetInt32());

        var bad = await (await client.GetAsync("/api/events?status=postponed&kind=party&from=2016-01-01&to=2015-01-01&sort=title&pageSize=500"))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["kind", "pageSize", "sort", "status", "to"], bad.ErrorFields());
    }
}
