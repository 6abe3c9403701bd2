using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Advocacy.IntegrationTests.Projects;

/// <summary>What the Projects tests do through the API again and again.</summary>
internal static class ProjectsApi
{
    public static async Task<Guid> CreateProjectAsync(HttpClient client, string code)
    {
        var response = await client.PostAsJsonAsync("/api/projects", new { code, name = code, level = "european", startDate = "2015-01-01" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<List<string>> ErrorFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
    }

    public static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
}
