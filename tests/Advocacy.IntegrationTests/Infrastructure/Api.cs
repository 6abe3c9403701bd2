using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Advocacy.IntegrationTests.Infrastructure;

/// <summary>Small steps many tests take through the HTTP API.</summary>
public static class Api
{
    /// <summary>Creates a project and returns its id.</summary>
    public static async Task<Guid> CreateProjectAsync(
        HttpClient client, string code, string startDate = "2010-01-01", string? endDate = null, string level = "european")
    {
        var response = await client.PostAsJsonAsync("/api/projects", new { code, name = $"Project {code}", level, startDate, endDate });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The body of a response as JSON, after checking its status code.</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The field names of a validation problem's errors, sorted.</summary>
    public static List<string> ErrorFields(this JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();

    /// <summary>The field names of a 400 validation problem's errors, sorted.</summary>
    public static async Task<List<string>> ErrorFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).ErrorFields();
    }

    /// <summary>A problem's detail.</summary>
    public static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
}
