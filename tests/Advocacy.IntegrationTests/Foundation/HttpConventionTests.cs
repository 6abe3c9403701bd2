using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Foundation;

/// <summary>Problem details, validation, health, OpenAPI: the conventions every module reuses.</summary>
public sealed class HttpConventionTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<long> WrittenToProjects() =>
        await app.ScalarAsync<long>("SELECT (SELECT count(*) FROM projects.projects) + (SELECT count(*) FROM projects.outbox_messages)");

    [Fact]
    public async Task Invalid_project_returns_400_with_an_error_per_field_and_writes_nothing()
    {
        var client = await app.ClientAsync(Roles.Staff);

        var response = await client.PostAsJsonAsync("/api/projects", new { code = "", name = "", startDate = "2020-01-01", endDate = "2019-01-01" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["code", "endDate", "level", "name"], errors);
        Assert.Equal(0L, await WrittenToProjects());
    }

    [Theory]
    [InlineData("{\"code\": \"X\", \"name\": ")]
    [InlineData("{\"code\": 5, \"name\": \"x\"}")]
    [InlineData("{\"code\": \"X\", \"name\": \"x\", \"level\": \"galactic\", \"startDate\": \"2020-01-01\"}")]
    [InlineData("{\"code\": \"X\", \"name\": \"x\", \"level\": 1, \"startDate\": \"2020-01-01\"}")]
    [InlineData("{\"code\": \"X\", \"name\": \"x\", \"level\": \"national\", \"startDate\": \"not a date\"}")]
    [InlineData("[]")]
    public async Task Malformed_or_mistyped_JSON_returns_400_problem_and_writes_nothing(string body)
    {
        var client = await app.ClientAsync(Roles.Staff);

        var response = await client.PostAsync("/api/projects", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(0L, await WrittenToProjects());
    }

    [Fact]
    public async Task A_duplicate_project_code_returns_409_and_keeps_the_first()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var first = await client.PostAsJsonAsync("/api/projects", new { code = "TASEC", name = "Together against Sexual Exploitation of Children", level = "european", startDate = "2013-01-01" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var second = await client.PostAsJsonAsync("/api/projects", new { code = "tasec", name = "Another", level = "national", startDate = "2013-01-01" });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.projects"));
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.outbox_messages"));
    }

    [Fact]
    public async Task An_unknown_project_returns_404_problem()
    {
        var client = await app.ClientAsync(Roles.Staff);

        var response = await client.GetAsync($"/api/projects/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("was not found", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Health_is_public_and_ready_checks_every_schema_and_the_bus()
    {
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        var ready = await anonymous.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>();
        var checks = report.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        foreach (var schema in AdvocacyApp.ModuleSchemas.Append("identity"))
        {
            Assert.Contains($"database:{schema}", checks);
        }
        Assert.Contains(checks, name => name!.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_endpoints_of_every_module_and_the_reference_page_is_served()
    {
        using var anonymous = app.CreateClient();

        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var prefix in new[] { "/api/projects", "/api/coalitions", "/api/events", "/api/reports", "/api/auth/token" })
        {
            Assert.Contains(paths, path => path.StartsWith(prefix, StringComparison.Ordinal));
        }

        var page = await anonymous.GetAsync("/api-reference/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.MediaType);
    }
}
