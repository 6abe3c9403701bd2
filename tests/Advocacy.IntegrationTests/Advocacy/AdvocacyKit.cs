using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Advocacy;

/// <summary>Steps the advocacy tests take through the HTTP API: stakeholders, asks, activities to record outcomes on.</summary>
public static class AdvocacyKit
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static string Iso(this DateOnly date) => date.ToString("yyyy-MM-dd");

    /// <summary>Creates a stakeholder and returns it.</summary>
    public static async Task<JsonElement> StakeholderAsync(
        HttpClient client, string name, string kind = "euInstitution", string level = "european", string? country = null, Guid? parentId = null,
        string? function = null, string? party = null) =>
        await (await client.PostAsJsonAsync("/api/stakeholders", new { name, kind, level, country, parentId, function, party }))
            .JsonAsync(HttpStatusCode.Created);

    public static async Task<Guid> StakeholderIdAsync(HttpClient client, string name, string kind = "euInstitution", string level = "european",
        string? country = null, Guid? parentId = null) =>
        (await StakeholderAsync(client, name, kind, level, country, parentId)).GetProperty("id").GetGuid();

    /// <summary>Writes an own ask of the project, opened on <paramref name="openedOn"/>, and returns it.</summary>
    public static async Task<JsonElement> AskAsync(HttpClient client, Guid projectId, string text, Guid[] targets, string openedOn = "2015-10-28") =>
        await (await client.PostAsJsonAsync($"/api/projects/{projectId}/asks", new { text, targetStakeholderIds = targets, openedOn }))
            .JsonAsync(HttpStatusCode.Created);

    /// <summary>Logs an activity of the project by hand and returns its id.</summary>
    public static async Task<Guid> ActivityAsync(HttpClient client, Guid projectId, string type = "meetingWithPolicyMakers", string date = "2016-02-16",
        string title = "Meeting with the European Commission on refugee children")
    {
        var logged = await (await client.PostAsJsonAsync($"/api/projects/{projectId}/activities", new { type, date, title }))
            .JsonAsync(HttpStatusCode.Created);
        return logged.GetProperty("id").GetGuid();
    }

    /// <summary>The signed-in user's id.</summary>
    public static async Task<string> MeAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetString()!;

    /// <summary>How many rows the advocacy tables hold, for "nothing was written".</summary>
    public static Task<long> RowsAsync(AdvocacyApp app) => app.ScalarAsync<long>(
        "SELECT (SELECT count(*) FROM projects.stakeholders) + (SELECT count(*) FROM projects.asks) + (SELECT count(*) FROM projects.ask_status_changes)"
        + " + (SELECT count(*) FROM projects.activity_outcomes) + (SELECT count(*) FROM projects.commitments)"
        + " + (SELECT count(*) FROM projects.commitment_status_changes) + (SELECT count(*) FROM projects.outcome_follow_ups)"
        + " + (SELECT count(*) FROM projects.outbox_messages)");

    /// <summary>The messages of a type waiting in or published from Projects' outbox, oldest first, as consumers read them.</summary>
    public static async Task<List<T>> OutboxAsync<T>(AdvocacyApp app)
    {
        await using var connection = await app.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT payload::text FROM projects.outbox_messages WHERE type LIKE @type ORDER BY id", connection);
        command.Parameters.AddWithValue("type", $"{typeof(T).FullName},%");
        var messages = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            messages.Add(JsonSerializer.Deserialize<T>(reader.GetString(0), Web)!);
        }
        return messages;
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// A 400 that names <paramref name="field"/>: in its validation errors, or (for a value JSON cannot read, such as an
    /// unknown enum name) in its detail.
    /// </summary>
    public static async Task AssertBadFieldAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        if (problem.TryGetProperty("errors", out _))
        {
            Assert.Equal([field], problem.ErrorFields());
        }
        else
        {
            Assert.Contains($"$.{field}", problem.GetProperty("detail").GetString());
        }
    }
}
