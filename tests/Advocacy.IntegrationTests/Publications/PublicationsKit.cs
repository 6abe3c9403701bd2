using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Publications;

/// <summary>Steps the publication tests share.</summary>
public static class PublicationsKit
{
    /// <summary>Creates a project in Projects and waits until Reports knows it (so a publication may link it).</summary>
    public static async Task<Guid> ProjectKnownToReportsAsync(AdvocacyApp app, HttpClient client, string code)
    {
        var projectId = await Api.CreateProjectAsync(client, code);
        await Eventually.Get(async () =>
            await app.ScalarAsync<long>("SELECT count(*) FROM reports.project_summaries WHERE project_id = $1", projectId) == 1 ? "" : null,
            $"Reports to know project {code}");
        return projectId;
    }

    public static object Draft(string title = "Better support, better protection", string type = "research", Guid[]? projectIds = null,
        string[]? languages = null, string? link = "https://ecpat.be/publications/better-support", uint? version = null) => new
    {
        title, type, description = "ReACT European report on the protection of child victims of trafficking.",
        languages = languages ?? ["en", "fr", "nl"], link, projectIds = projectIds ?? [], version,
    };

    public static async Task<JsonElement> CreateAsync(HttpClient client, object draft) =>
        await (await client.PostAsJsonAsync("/api/publications", draft)).JsonAsync(HttpStatusCode.Created);

    public static async Task<JsonElement> PublishAsync(HttpClient client, JsonElement publication, string publishedOn = "2018-10-18") =>
        await (await client.PostAsJsonAsync($"/api/publications/{publication.Id()}/publish",
            new { publishedOn, version = publication.GetProperty("version").GetUInt32() })).JsonAsync(HttpStatusCode.OK);

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static uint Version(this JsonElement element) => element.GetProperty("version").GetUInt32();
}
