using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Results;
using Microsoft.Extensions.DependencyInjection;

namespace Advocacy.IntegrationTests.Projects;

public sealed class ActivityLogTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static JsonObject Meeting(string date = "2016-04-20", string title = "Meeting at the French-speaking Brussels Parliament") => new()
    {
        ["type"] = "meetingWithPolicyMakers",
        ["date"] = date,
        ["title"] = title,
        ["notes"] = "Professionals testified; parliamentarians committed to the recommendations.",
        ["place"] = "Brussels",
        ["country"] = "BE",
        ["reach"] = new JsonArray(
            new JsonObject { ["audience"] = "policyMakers", ["count"] = 12 },
            new JsonObject { ["audience"] = "professionals", ["gender"] = "female", ["count"] = 5 },
            new JsonObject { ["audience"] = "professionals", ["gender"] = "male", ["count"] = 3 }),
    };

    private async Task<(HttpClient Client, Guid ProjectId)> ProjectAsync(string code = "HOTEL-CODE")
    {
        var client = await app.ClientAsync(Roles.Staff);
        return (client, await Api.CreateProjectAsync(client, code, "2014-01-01", "2017-12-31", "national"));
    }

    private async Task<long> ActivityRows() =>
        await app.ScalarAsync<long>("SELECT (SELECT count(*) FROM projects.activities) + (SELECT count(*) FROM projects.outbox_messages WHERE type LIKE '%Activity%')");

    [Fact]
    public async Task Logging_an_activity_records_its_reach_and_author_and_publishes_ActivityLogged()
    {
        var (client, projectId) = await ProjectAsync();
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");

        var logged = await (await client.PostAsJsonAsync($"/api/projects/{projectId}/activities", Meeting())).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(20, logged.GetProperty("totalReach").GetInt32());
        Assert.Equal(me.GetProperty("id").GetString(), logged.GetProperty("loggedBy").GetString());
        Assert.Equal("staff@demo.advocacy.local", logged.GetProperty("loggedByName").GetString());
        var fetched = await (await client.GetAsync($"/api/activities/{logged.GetProperty("id").GetGuid()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, fetched.GetProperty("reach").GetArrayLength());
        Assert.Equal("female", fetched.GetProperty("reach")[1].GetProperty("gender").GetString());
        var payload = await app.ScalarAsync<string>("SELECT payload::text FROM projects.outbox_messages WHERE type LIKE '%ActivityLogged%'");
        Assert.Contains(logged.GetProperty("id").GetString()!, payload);
    }

    public static TheoryData<string, string, JsonNode?> BadFields => new()
    {
        { "reach[0].count", "reach", new JsonArray(new JsonObject { ["audience"] = "children", ["count"] = -1 }) },
        { "type", "type", "lobbying" },
        { "country", "country", "XX" },
        { "date", "date", "1899-01-01" },
        { "title", "title", "" },
        { "reach", "reach", new JsonArray(new JsonObject { ["audience"] = "children", ["count"] = 1 }, new JsonObject { ["audience"] = "children", ["count"] = 2 }) },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Logging_an_activity_with_a_bad_field_returns_400_naming_it_and_writes_nothing(string expectedField, string field, JsonNode? value)
    {
        var (client, projectId) = await ProjectAsync();
        var body = Meeting();
        body[field] = value;

        var response = await client.PostAsJsonAsync($"/api/projects/{projectId}/activities", body);

        var status = response.StatusCode;
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, status);
        if (problem.TryGetProperty("errors", out _))
        {
            Assert.Contains(expectedField, problem.ErrorFields());
        }
        Assert.Equal(0L, await ActivityRows());
    }

    [Fact]
    public async Task An_activity_outside_the_project_period_or_with_another_projects_indicator_returns_400()
    {
        var (client, projectId) = await ProjectAsync();
        var otherProject = await Api.CreateProjectAsync(client, "REACT", "2014-01-01");
        var foreignIndicator = await AddIndicatorAsync(otherProject);
        var body = Meeting(date: "2018-03-01");
        body["indicatorIds"] = new JsonArray(foreignIndicator.ToString());

        var problem = await (await client.PostAsJsonAsync($"/api/projects/{projectId}/activities", body)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["date", "indicatorIds"], problem.ErrorFields());
        Assert.Equal(0L, await ActivityRows());
    }

    [Fact]
    public async Task An_activity_of_an_unknown_project_returns_404()
    {
        var client = await app.ClientAsync(Roles.Staff);

        await (await client.PostAsJsonAsync($"/api/projects/{Guid.NewGuid()}/activities", Meeting())).JsonAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/activities/{Guid.NewGuid()}")).JsonAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_log_filters_by_project_type_period_country_and_author_sorts_and_pages()
    {
        var (staff, hotel) = await ProjectAsync();
        var react = await Api.CreateProjectAsync(staff, "REACT", "2015-01-01");
        var manager = await app.ClientAsync(Roles.Manager);
        async Task Log(HttpClient client, Guid project, string type, string date, string title, string country)
        {
            var body = Meeting(date, title);
            body["type"] = type;
            body["country"] = country;
            await (await client.PostAsJsonAsync($"/api/projects/{project}/activities", body)).JsonAsync(HttpStatusCode.Created);
        }
        await Log(staff, hotel, "training", "2015-09-08", "Training ACCOR managers, session 1", "BE");
        await Log(staff, hotel, "training", "2015-09-22", "Training ACCOR managers, session 2", "BE");
        await Log(staff, hotel, "training", "2015-09-29", "Training ACCOR managers, session 3", "BE");
        await Log(manager, react, "parliamentaryEvent", "2016-04-20", "Awareness event at the Brussels Parliament", "BE");
        await Log(manager, react, "publication", "2017-03-01", "Better support, better protection", "FR");

        async Task<JsonElement> List(string query) =>
            await (await manager.GetAsync($"/api/activities?{query}")).JsonAsync(HttpStatusCode.OK);
        static string[] Titles(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToArray();

        Assert.Equal(3, (await List($"projectId={hotel}")).GetProperty("totalCount").GetInt32());
        Assert.Equal(3, (await List("type=training")).GetProperty("totalCount").GetInt32());
        Assert.Equal(["Training ACCOR managers, session 3", "Training ACCOR managers, session 2"], Titles(await List("from=2015-09-20&to=2015-12-31")));
        Assert.Equal(["Better support, better protection"], Titles(await List("country=fr")));
        Assert.Equal(2, (await List("mine=true")).GetProperty("totalCount").GetInt32());
        var page = await List("sort=title&pageSize=2&page=2");
        Assert.Equal(5, page.GetProperty("totalCount").GetInt32());
        Assert.Equal(["Training ACCOR managers, session 1", "Training ACCOR managers, session 2"], Titles(page));
        Assert.Equal(["Better support, better protection"], Titles(await List("pageSize=1")));

        var bad = await (await manager.GetAsync("/api/activities?sort=colour&from=2016-01-01&to=2015-01-01")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["sort", "to"], bad.ErrorFields());
    }

    [Fact]
    public async Task An_edit_with_a_stale_version_returns_409_and_the_first_edit_stands()
    {
        var (client, projectId) = await ProjectAsync();
        var logged = await (await client.PostAsJsonAsync($"/api/projects/{projectId}/activities", Meeting())).JsonAsync(HttpStatusCode.Created);
        var id = logged.GetProperty("id").GetGuid();
        var version = logged.GetProperty("version").GetUInt32();

        var first = Meeting(title: "First edit");
        first["version"] = version;
        var second = Meeting(title: "Second edit from a stale form");
        second["version"] = version;
        var edited = await (await client.PutAsJsonAsync($"/api/activities/{id}", first)).JsonAsync(HttpStatusCode.OK);
        await (await client.PutAsJsonAsync($"/api/activities/{id}", second)).JsonAsync(HttpStatusCode.Conflict);

        Assert.NotEqual(version, edited.GetProperty("version").GetUInt32());
        Assert.Equal("First edit", await app.ScalarAsync<string>("SELECT title FROM projects.activities"));
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.outbox_messages WHERE type LIKE '%ActivityUpdated%'"));
    }

    [Fact]
    public async Task Concurrent_edits_of_one_activity_let_exactly_one_win_and_lose_no_update()
    {
        var (client, projectId) = await ProjectAsync();
        var logged = await (await client.PostAsJsonAsync($"/api/projects/{projectId}/activities", Meeting())).JsonAsync(HttpStatusCode.Created);
        var id = logged.GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
        {
            var body = Meeting(title: $"Edit {i}");
            body["version"] = logged.GetProperty("version").GetUInt32();
            return client.PutAsJsonAsync($"/api/activities/{id}", body);
        }));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        // No update is lost: the winner's edit is the one stored and published, and the losers, after reading it
        // again, edit on top of it.
        var won = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(won.GetProperty("title").GetString(), await app.ScalarAsync<string>("SELECT title FROM projects.activities"));
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.outbox_messages WHERE type LIKE '%ActivityUpdated%'"));
        var retry = Meeting(title: "Edit after reading the winner's");
        retry["version"] = won.GetProperty("version").GetUInt32();
        await (await client.PutAsJsonAsync($"/api/activities/{id}", retry)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.outbox_messages WHERE type LIKE '%ActivityUpdated%'"));
    }

    [Fact]
    public async Task Deleting_is_soft_the_activity_leaves_the_log_and_stays_for_the_audit()
    {
        var (client, projectId) = await ProjectAsync();
        var logged = await (await client.PostAsJsonAsync($"/api/projects/{projectId}/activities", Meeting())).JsonAsync(HttpStatusCode.Created);
        var id = logged.GetProperty("id").GetGuid();

        await (await client.DeleteAsync($"/api/activities/{id}")).JsonAsync(HttpStatusCode.NoContent);

        await (await client.GetAsync($"/api/activities/{id}")).JsonAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync($"/api/activities/{id}")).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/activities")).GetProperty("totalCount").GetInt32());
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.activities WHERE deleted_at IS NOT NULL AND deleted_by IS NOT NULL"));
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.outbox_messages WHERE type LIKE '%ActivityDeleted%'"));

        await (await client.GetAsync("/api/activities?includeDeleted=true")).JsonAsync(HttpStatusCode.Forbidden);
        var manager = await app.ClientAsync(Roles.Manager);
        var audit = await manager.GetFromJsonAsync<JsonElement>("/api/activities?includeDeleted=true");
        Assert.NotEqual(JsonValueKind.Null, audit.GetProperty("items")[0].GetProperty("deletedAt").ValueKind);
    }

    private async Task<Guid> AddIndicatorAsync(Guid projectId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectsDbContext>();
        var objective = new Objective { Id = Guid.NewGuid(), ProjectId = projectId, Code = "O1", Title = "Children know their rights", CreatedAt = DateTimeOffset.UtcNow };
        var indicator = new Indicator
        {
            Id = Guid.NewGuid(), ProjectId = projectId, ObjectiveId = objective.Id, Code = "1.1", Name = "Children informed",
            Unit = "people", Direction = IndicatorDirection.Increase, Aggregation = IndicatorAggregation.Cumulative, Target = 1000,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.AddRange(objective, indicator);
        await db.SaveChangesAsync();
        return indicator.Id;
    }
}
