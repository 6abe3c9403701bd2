using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.Modules.Projects.Contracts;
using static Advocacy.IntegrationTests.Advocacy.AdvocacyKit;

namespace Advocacy.IntegrationTests.Advocacy;

public sealed class StakeholderTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static JsonObject Parliament() => new()
    {
        ["name"] = "French-speaking Brussels Parliament", ["kind"] = "parliament", ["level"] = "regional", ["country"] = "BE",
    };

    [Fact]
    public async Task A_committee_and_a_person_belong_to_their_parliament_and_publish_StakeholderChanged()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var parliament = await StakeholderAsync(client, "French-speaking Brussels Parliament", "parliament", "regional", "BE");
        var parliamentId = parliament.GetProperty("id").GetGuid();

        var committee = await StakeholderAsync(client, "Committee on Health and Social Affairs", "parliamentaryCommittee", "regional", "BE", parliamentId);
        var person = await StakeholderAsync(client, "A. Member", "person", "regional", "BE", committee.GetProperty("id").GetGuid(),
            function: "Member of Parliament", party: "A party");

        Assert.Equal("French-speaking Brussels Parliament", committee.GetProperty("parentName").GetString());
        Assert.Equal(("Member of Parliament", "A party", "Committee on Health and Social Affairs"),
            (person.GetProperty("function").GetString(), person.GetProperty("party").GetString(), person.GetProperty("parentName").GetString()));
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/stakeholders/{parliamentId}");
        Assert.Equal(("parliament", "regional", "BE"),
            (read.GetProperty("kind").GetString(), read.GetProperty("level").GetString(), read.GetProperty("country").GetString()));
        var published = await OutboxAsync<StakeholderChanged>(app);
        Assert.Equal(3, published.Count);
        Assert.Equal((StakeholderKind.Person, committee.GetProperty("id").GetGuid(), "Member of Parliament"),
            (published[2].Stakeholder.Kind, published[2].Stakeholder.ParentId, published[2].Stakeholder.Function));
    }

    public static TheoryData<string, string, JsonNode?> BadFields => new()
    {
        { "kind", "kind", "lobby" },
        { "level", "level", "local" },
        { "country", "country", "XX" },
        { "country", "country", null },
        { "name", "name", "" },
        { "party", "party", "A party" },
        { "function", "function", "President" },
        { "parentId", "parentId", Guid.NewGuid().ToString() },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_stakeholder_with_a_bad_field_gets_400_naming_it_and_nothing_is_written(string expectedField, string field, JsonNode? value)
    {
        var client = await app.ClientAsync(Roles.Staff);
        var body = Parliament();
        body[field] = value;

        await AssertBadFieldAsync(await client.PostAsJsonAsync("/api/stakeholders", body), expectedField);

        Assert.Equal(0L, await RowsAsync(app));
    }

    [Fact]
    public async Task A_person_needs_a_function_and_cannot_be_an_institution_others_belong_to()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var fields = await Api.ErrorFieldsAsync(await client.PostAsJsonAsync("/api/stakeholders",
            new { name = "A. Member", kind = "person", level = "regional", country = "BE" }));
        Assert.Equal(["function"], fields);

        var person = await StakeholderAsync(client, "A. Member", "person", "national", "BE", function: "Minister");
        var response = await client.PostAsJsonAsync("/api/stakeholders",
            new { name = "Cabinet", kind = "ministry", level = "national", country = "BE", parentId = person.GetProperty("id").GetGuid() });
        Assert.Equal(["parentId"], await Api.ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task The_same_name_under_the_same_parent_gets_409_in_any_case_but_is_fine_under_another()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var council = await StakeholderIdAsync(client, "Council of Europe", "councilOfEuropeBody");
        var parliament = await StakeholderIdAsync(client, "French-speaking Brussels Parliament", "parliament", "regional", "BE");
        await StakeholderIdAsync(client, "Secretariat", "councilOfEuropeBody", parentId: council);

        var duplicate = await client.PostAsJsonAsync("/api/stakeholders", new { name = " secretariat ", kind = "councilOfEuropeBody", level = "european", parentId = council });
        var topLevel = await client.PostAsJsonAsync("/api/stakeholders", new { name = "COUNCIL OF EUROPE", kind = "councilOfEuropeBody", level = "european" });
        var elsewhere = await client.PostAsJsonAsync("/api/stakeholders", new { name = "Secretariat", kind = "other", level = "regional", country = "BE", parentId = parliament });

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, topLevel.StatusCode);
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
        Assert.Equal(4L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.stakeholders"));
    }

    [Fact]
    public async Task A_stakeholder_cannot_belong_to_itself_or_to_an_institution_under_it()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var council = await StakeholderAsync(client, "Council of Europe", "councilOfEuropeBody");
        var councilId = council.GetProperty("id").GetGuid();
        var parties = await StakeholderIdAsync(client, "The 47 States Parties", "councilOfEuropeBody", parentId: councilId);
        var secretariat = await StakeholderIdAsync(client, "Secretariat", "councilOfEuropeBody", parentId: parties);

        foreach (var parent in new[] { councilId, parties, secretariat })
        {
            var response = await client.PutAsJsonAsync($"/api/stakeholders/{councilId}", new
            {
                name = "Council of Europe", kind = "councilOfEuropeBody", level = "european", parentId = parent,
                version = council.GetProperty("version").GetUInt32(),
            });
            Assert.Equal(["parentId"], await Api.ErrorFieldsAsync(response));
        }
        Assert.Equal(JsonValueKind.Null, (await client.GetFromJsonAsync<JsonElement>($"/api/stakeholders/{councilId}")).GetProperty("parentId").ValueKind);
    }

    [Fact]
    public async Task An_edit_with_a_stale_version_gets_409_and_the_first_edit_stays()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var created = await StakeholderAsync(client, "European institutions");
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetUInt32();

        var first = await client.PutAsJsonAsync($"/api/stakeholders/{id}", new { name = "European Commission", kind = "euInstitution", level = "european", version });
        var second = await client.PutAsJsonAsync($"/api/stakeholders/{id}", new { name = "European Parliament", kind = "euInstitution", level = "european", version });
        var unversioned = await client.PutAsJsonAsync($"/api/stakeholders/{id}", new { name = "European Parliament", kind = "euInstitution", level = "european" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(["version"], await Api.ErrorFieldsAsync(unversioned));
        Assert.Equal("European Commission", (await client.GetFromJsonAsync<JsonElement>($"/api/stakeholders/{id}")).GetProperty("name").GetString());
        Assert.Equal(["European institutions", "European Commission"], (await OutboxAsync<StakeholderChanged>(app)).Select(m => m.Stakeholder.Name));
    }

    [Fact]
    public async Task The_list_searches_names_and_filters_by_kind_level_and_country_a_page_at_a_time()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var council = await StakeholderIdAsync(client, "Council of Europe", "councilOfEuropeBody");
        await StakeholderIdAsync(client, "The 47 States Parties", "councilOfEuropeBody", parentId: council);
        await StakeholderIdAsync(client, "European institutions");
        await StakeholderIdAsync(client, "French-speaking Brussels Parliament", "parliament", "regional", "BE");
        await StakeholderIdAsync(client, "ACCOR Belgium", "company", "national", "BE");
        await StakeholderIdAsync(client, "100%_Kids", "media", "national", "FR");

        async Task<string[]> NamesAsync(string query) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/stakeholders?{query}")).GetProperty("items").EnumerateArray()
                .Select(s => s.GetProperty("name").GetString()!).ToArray();

        Assert.Equal(["Council of Europe", "European institutions"], await NamesAsync("search=EUROPE"));
        Assert.Equal(["100%_Kids"], await NamesAsync("search=%25_"));
        Assert.Equal(["Council of Europe", "The 47 States Parties"], await NamesAsync("kind=councilOfEuropeBody"));
        Assert.Equal(["ACCOR Belgium", "French-speaking Brussels Parliament"], await NamesAsync("country=be"));
        Assert.Equal(["French-speaking Brussels Parliament"], await NamesAsync("level=regional&country=BE"));
        Assert.Equal(["The 47 States Parties"], await NamesAsync($"parentId={council}"));
        var page = await client.GetFromJsonAsync<JsonElement>("/api/stakeholders?pageSize=2&page=2");
        Assert.Equal((6, 2), (page.GetProperty("totalCount").GetInt32(), page.GetProperty("items").GetArrayLength()));
        Assert.Equal("Council of Europe", page.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal(["kind", "pageSize"], await Api.ErrorFieldsAsync(await client.GetAsync("/api/stakeholders?kind=lobby&pageSize=500")));
    }
}
