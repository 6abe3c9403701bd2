using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Foundation;

/// <summary>A search for '%' or '_' finds those characters, not everything (LIKE's wildcards are escaped).</summary>
public sealed class SearchTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Wildcards_in_a_project_search_are_taken_literally()
    {
        var client = await app.ClientAsync(Roles.Staff);
        await Api.CreateProjectAsync(client, "RE_ACT");
        await Api.CreateProjectAsync(client, "REXACT");

        async Task<string[]> CodesAsync(string search) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/projects?search={Uri.EscapeDataString(search)}"))
                .GetProperty("items").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).Order().ToArray();

        Assert.Equal(["RE_ACT"], await CodesAsync("_"));
        Assert.Empty(await CodesAsync("%"));
        Assert.Equal(["RE_ACT", "REXACT"], await CodesAsync("act"));
    }
}
