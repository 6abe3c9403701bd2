using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Coalitions;

public sealed class CoalitionTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    private readonly CoalitionsKit _kit = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static JsonObject Platform(string name = "EU Civil Society Platform against Trafficking in Human Beings") => new()
    {
        ["name"] = name,
        ["level"] = "european",
        ["website"] = "https://ec.europa.eu/anti-trafficking",
        ["ourRole"] = "steeringGroup",
        ["joinedOn"] = "2013-05-30",
        ["description"] = "Civil society organisations working against trafficking in human beings at European level.",
    };

    [Fact]
    public async Task Registering_a_coalition_returns_it_with_our_role_and_a_second_one_of_the_same_name_in_any_case_is_409()
    {
        var client = await app.ClientAsync(Roles.Staff);

        var created = await (await client.PostAsJsonAsync("/api/coalitions", Platform())).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(("steeringGroup", "2013-05-30", "european"),
            (created.GetProperty("ourRole").GetString(), created.GetProperty("joinedOn").GetString(), created.GetProperty("level").GetString()));
        var fetched = await (await client.GetAsync($"/api/coalitions/{created.GetProperty("id").GetGuid()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(created.GetProperty("name").GetString(), fetched.GetProperty("name").GetString());
        Assert.Equal(0, fetched.GetProperty("members").GetArrayLength());
        await (await client.PostAsJsonAsync("/api/coalitions", Platform("eu civil society platform against trafficking in human beings  ")))
            .JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(1L, await _kit.CountAsync("coalitions"));
    }

    [Fact]
    public async Task Our_role_defaults_to_member()
    {
        var client = await app.ClientAsync(Roles.Staff);

        var created = await (await client.PostAsJsonAsync("/api/coalitions", new { name = "Kinderrechtencoalitie", level = "national" })).JsonAsync(HttpStatusCode.Created);

        Assert.Equal("member", created.GetProperty("ourRole").GetString());
    }

    public static TheoryData<string, string, JsonNode?> BadFields => new()
    {
        { "name", "name", new string('x', 301) },
        { "name", "name", "" },
        { "level", "level", null },
        { "website", "website", "www.kinderrechtencoalitie.be" },
        { "website", "website", "ftp://kinderrechtencoalitie.be" },
        { "joinedOn", "joinedOn", "1989-12-31" },
        { "leftOn", "leftOn", "2013-05-29" },
        { "description", "description", new string('x', 4001) },
        { "ourRole", "ourRole", "chair" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Registering_with_a_bad_field_returns_400_naming_it_and_writes_nothing(string expectedField, string field, JsonNode? value)
    {
        var client = await app.ClientAsync(Roles.Staff);

        await _kit.AssertRejectedAndNothingWrittenAsync(client, "/api/coalitions", Platform(), field, value, expectedField);
    }

    [Fact]
    public async Task The_list_filters_by_level_our_role_and_current_membership_and_pages()
    {
        var client = await app.ClientAsync(Roles.Staff);
        async Task Register(string name, string level, string role, string? leftOn = null) =>
            await (await client.PostAsJsonAsync("/api/coalitions", new { name, level, ourRole = role, joinedOn = "2010-01-01", leftOn }))
                .JsonAsync(HttpStatusCode.Created);
        await Register("Coordination of NGOs for the rights of the child", "national", "member");
        await Register("Kinderrechtencoalitie", "national", "steeringGroup");
        await Register("Platform for the rights of the child in development cooperation", "national", "member", leftOn: "2014-12-31");
        await Register("EU Civil Society Platform against Trafficking in Human Beings", "european", "observer");
        await Register("Initiative for Children in Migration", "european", "member");

        async Task<string[]> Names(string query)
        {
            var page = await (await client.GetAsync($"/api/coalitions?{query}")).JsonAsync(HttpStatusCode.OK);
            return page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray();
        }

        Assert.Equal(["EU Civil Society Platform against Trafficking in Human Beings", "Initiative for Children in Migration"], await Names("level=european"));
        Assert.Equal(["Kinderrechtencoalitie"], await Names("ourRole=steeringGroup"));
        Assert.Equal(["Platform for the rights of the child in development cooperation"], await Names("current=false"));
        Assert.Equal(4, (await Names("current=true")).Length);
        Assert.Equal(["Coordination of NGOs for the rights of the child"], await Names("level=national&ourRole=member&current=true"));
        var second = await (await client.GetAsync("/api/coalitions?pageSize=2&page=2")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(5, second.GetProperty("totalCount").GetInt32());
        Assert.Equal(["Initiative for Children in Migration", "Kinderrechtencoalitie"],
            second.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray());

        var bad = await (await client.GetAsync("/api/coalitions?level=global&ourRole=chair&pageSize=500")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["level", "ourRole", "pageSize"], bad.ErrorFields());
    }

    [Fact]
    public async Task An_edit_with_a_stale_version_is_409_without_a_version_400_and_the_first_edit_stands()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var created = await (await client.PostAsJsonAsync("/api/coalitions", Platform())).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var left = Platform();
        left["leftOn"] = "2020-12-31";
        left["version"] = created.GetProperty("version").GetUInt32();
        var stale = Platform();
        stale["ourRole"] = "secretariat";
        stale["version"] = created.GetProperty("version").GetUInt32();

        var edited = await (await client.PutAsJsonAsync($"/api/coalitions/{id}", left)).JsonAsync(HttpStatusCode.OK);
        await (await client.PutAsJsonAsync($"/api/coalitions/{id}", stale)).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(["version"], await Api.ErrorFieldsAsync(await client.PutAsJsonAsync($"/api/coalitions/{id}", Platform())));

        Assert.Equal("2020-12-31", edited.GetProperty("leftOn").GetString());
        Assert.Equal("SteeringGroup", await app.ScalarAsync<string>("SELECT our_role FROM coalitions.coalitions"));
        await (await client.PutAsJsonAsync($"/api/coalitions/{Guid.NewGuid()}", left)).JsonAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Renaming_a_coalition_to_another_ones_name_is_409()
    {
        var client = await app.ClientAsync(Roles.Staff);
        await CoalitionsKit.RegisterAsync(client, "Kinderrechtencoalitie");
        var created = await (await client.PostAsJsonAsync("/api/coalitions", Platform())).JsonAsync(HttpStatusCode.Created);
        var rename = Platform("KINDERRECHTENCOALITIE");
        rename["version"] = created.GetProperty("version").GetUInt32();

        await (await client.PutAsJsonAsync($"/api/coalitions/{created.GetProperty("id").GetGuid()}", rename)).JsonAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Member_organisations_are_added_once_per_coalition_listed_with_it_and_removed_by_id_or_name()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var id = await CoalitionsKit.RegisterAsync(client);
        var other = await CoalitionsKit.RegisterAsync(client, "Coordination of NGOs for the rights of the child");

        var unicef = await (await client.PostAsJsonAsync($"/api/coalitions/{id}/members", new { name = "UNICEF Belgium", country = "BE" })).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync($"/api/coalitions/{id}/members", new { name = "Défense des Enfants International" })).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync($"/api/coalitions/{id}/members", new { name = "unicef belgium" })).JsonAsync(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync($"/api/coalitions/{other}/members", new { name = "UNICEF Belgium" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(["country"], await Api.ErrorFieldsAsync(await client.PostAsJsonAsync($"/api/coalitions/{id}/members", new { name = "ECPAT France", country = "XX" })));
        Assert.Equal(["name"], await Api.ErrorFieldsAsync(await client.PostAsJsonAsync($"/api/coalitions/{id}/members", new { name = new string('x', 301) })));
        await (await client.PostAsJsonAsync($"/api/coalitions/{Guid.NewGuid()}/members", new { name = "UNICEF Belgium" })).JsonAsync(HttpStatusCode.NotFound);

        var coalition = await client.GetFromJsonAsync<JsonElement>($"/api/coalitions/{id}");
        Assert.Equal(["Défense des Enfants International", "UNICEF Belgium"],
            coalition.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToArray());
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>("/api/coalitions?search=kinder")).GetProperty("items")[0].GetProperty("memberCount").GetInt32());

        await (await client.DeleteAsync($"/api/coalitions/{id}/members/{unicef.GetProperty("id").GetGuid()}")).JsonAsync(HttpStatusCode.NoContent);
        await (await client.DeleteAsync($"/api/coalitions/{id}/members/d%C3%A9fense%20des%20enfants%20international")).JsonAsync(HttpStatusCode.NoContent);
        await (await client.DeleteAsync($"/api/coalitions/{id}/members/UNICEF%20Belgium")).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(1L, await _kit.CountAsync("coalition_members"));
    }

    [Fact]
    public async Task Unknown_coalitions_are_404_and_reading_needs_no_write_role()
    {
        var manager = await app.ClientAsync(Roles.Manager);
        await (await manager.GetAsync($"/api/coalitions/{Guid.NewGuid()}")).JsonAsync(HttpStatusCode.NotFound);
        await (await manager.DeleteAsync($"/api/coalitions/{Guid.NewGuid()}/members/ECPAT")).JsonAsync(HttpStatusCode.NotFound);
        using var anonymous = app.CreateClient();
        await (await anonymous.GetAsync("/api/coalitions")).JsonAsync(HttpStatusCode.Unauthorized);
    }
}
