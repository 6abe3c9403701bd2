using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Projects;

public sealed class ProjectTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> StaffUserId(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetString()!;

    private static object Mario(string? staffId = null, string currency = "EUR", string country = "BE", uint? version = null) => new
    {
        code = "MARIO",
        name = "Mario: protection of migrant children",
        summary = "European advocacy on migrant children.",
        level = "european",
        status = "active",
        startDate = "2014-01-01",
        endDate = "2016-12-31",
        countries = new[] { country, "RO" },
        organisations = new object[]
        {
            new { name = "Terre des Hommes", role = "coordinator" },
            new { name = "ECPAT Belgium", role = "partner", country = "BE" },
            new { name = "European Commission", role = "donor" },
        },
        budgetAmount = 250000.50m,
        budgetCurrency = currency,
        responsibleStaffIds = staffId is null ? Array.Empty<string>() : [staffId],
        version,
    };

    [Fact]
    public async Task A_project_is_created_with_its_partners_countries_budget_and_responsible_staff()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var staffId = await StaffUserId(client);

        var created = await (await client.PostAsJsonAsync("/api/projects", Mario(staffId))).JsonAsync(HttpStatusCode.Created);
        var project = await (await client.GetAsync($"/api/projects/{created.GetProperty("id").GetGuid()}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("active", project.GetProperty("status").GetString());
        Assert.Equal(["BE", "RO"], project.GetProperty("countries").EnumerateArray().Select(c => c.GetString()!).ToArray());
        Assert.Equal(["coordinator", "partner", "donor"],
            project.GetProperty("organisations").EnumerateArray().Select(o => o.GetProperty("role").GetString()!).ToArray());
        Assert.Equal(250000.50m, project.GetProperty("budgetAmount").GetDecimal());
        Assert.Equal("EUR", project.GetProperty("budgetCurrency").GetString());
        Assert.Equal(staffId, project.GetProperty("responsibleStaffIds")[0].GetString());
    }

    [Fact]
    public async Task Unknown_country_currency_and_staff_return_400_naming_each_field_and_write_nothing()
    {
        var client = await app.ClientAsync(Roles.Staff);

        var problem = await (await client.PostAsJsonAsync("/api/projects", Mario("no-such-user", currency: "EUX", country: "XX")))
            .JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["budgetCurrency", "countries[0]", "responsibleStaffIds"], problem.ErrorFields());
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.projects"));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.outbox_messages"));
    }

    [Fact]
    public async Task A_budget_without_a_currency_and_an_organisation_without_a_role_return_400()
    {
        var client = await app.ClientAsync(Roles.Staff);

        var problem = await (await client.PostAsJsonAsync("/api/projects", new
        {
            code = "X", name = "X", level = "national", startDate = "2020-01-01", budgetAmount = -5,
            organisations = new[] { new { name = "ACSIS" } },
        })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["budgetAmount", "budgetCurrency", "organisations[0].role"], problem.ErrorFields());
    }

    [Fact]
    public async Task An_edit_with_a_stale_version_returns_409_and_keeps_the_first_edit()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var created = await (await client.PostAsJsonAsync("/api/projects", Mario())).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var readVersion = created.GetProperty("version").GetUInt32();

        var first = await client.PutAsJsonAsync($"/api/projects/{id}", Mario(version: readVersion));
        await first.JsonAsync(HttpStatusCode.OK);
        var second = await client.PutAsJsonAsync($"/api/projects/{id}", Mario(country: "FR", version: readVersion));

        var problem = await second.JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("changed by someone else", problem.GetProperty("detail").GetString());
        Assert.Equal("BE", await app.ScalarAsync<string>("SELECT countries[1] FROM projects.projects"));
    }

    [Fact]
    public async Task An_edit_reaches_the_Reports_read_model_through_ProjectUpdated()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var created = await (await client.PostAsJsonAsync("/api/projects", Mario())).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        var edit = Mario(version: created.GetProperty("version").GetUInt32());
        var json = JsonSerializer.SerializeToNode(edit)!.AsObject();
        json["status"] = "completed";
        await (await client.PutAsJsonAsync($"/api/projects/{id}", json)).JsonAsync(HttpStatusCode.OK);

        await Eventually.Get(async () =>
        {
            var response = await client.GetAsync($"/api/reports/projects/{id}");
            if (response.StatusCode != HttpStatusCode.OK) return null;
            var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
            return summary.GetProperty("status").GetString() == "completed" ? (object)summary : null;
        }, "the completed status in Reports' read model");
    }

    [Fact]
    public async Task Editing_an_unknown_project_returns_404_and_taking_another_projects_code_returns_409()
    {
        var client = await app.ClientAsync(Roles.Staff);
        await Api.CreateProjectAsync(client, "REACT");
        var created = await (await client.PostAsJsonAsync("/api/projects", Mario())).JsonAsync(HttpStatusCode.Created);
        var json = JsonSerializer.SerializeToNode(Mario(version: created.GetProperty("version").GetUInt32()))!.AsObject();

        await (await client.PutAsJsonAsync($"/api/projects/{Guid.NewGuid()}", json)).JsonAsync(HttpStatusCode.NotFound);
        json["code"] = "react";
        await (await client.PutAsJsonAsync($"/api/projects/{created.GetProperty("id").GetGuid()}", json)).JsonAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Projects_are_listed_by_code_filtered_and_paged()
    {
        var client = await app.ClientAsync(Roles.Manager);
        var staff = await app.ClientAsync(Roles.Staff);
        await (await staff.PostAsJsonAsync("/api/projects", Mario())).JsonAsync(HttpStatusCode.Created);
        await Api.CreateProjectAsync(staff, "GOLONDRINA", level: "international");
        await Api.CreateProjectAsync(staff, "REACT");

        var european = await client.GetFromJsonAsync<JsonElement>("/api/projects?level=european&pageSize=1&page=2");
        Assert.Equal(2, european.GetProperty("totalCount").GetInt32());
        Assert.Equal("REACT", european.GetProperty("items")[0].GetProperty("code").GetString());

        var inRomania = await client.GetFromJsonAsync<JsonElement>("/api/projects?country=ro");
        Assert.Equal("MARIO", Assert.Single(inRomania.GetProperty("items").EnumerateArray()).GetProperty("code").GetString());

        var search = await client.GetFromJsonAsync<JsonElement>("/api/projects?search=golond");
        Assert.Equal(1, search.GetProperty("totalCount").GetInt32());

        var tooBig = await (await client.GetAsync("/api/projects?pageSize=500")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["pageSize"], tooBig.ErrorFields());
    }
}
