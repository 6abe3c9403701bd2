using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Coalitions;

/// <summary>Steps the Coalitions tests share: users, projects Coalitions knows, coalitions, and what was written.</summary>
internal sealed class CoalitionsKit(AdvocacyApp app)
{
    private const string AllRows = """
        SELECT (SELECT count(*) FROM coalitions.coalitions) + (SELECT count(*) FROM coalitions.coalition_members)
             + (SELECT count(*) FROM coalitions.meetings) + (SELECT count(*) FROM coalitions.follow_ups)
             + (SELECT count(*) FROM coalitions.statements) + (SELECT count(*) FROM coalitions.outbox_messages)
        """;

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A client signed in as the test user of <paramref name="role"/>, and that user's id.</summary>
    public async Task<(HttpClient Client, string UserId)> UserAsync(string role)
    {
        var client = await app.ClientAsync(role);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");
        return (client, me.GetProperty("id").GetString()!);
    }

    /// <summary>Creates a project in Projects and waits until Coalitions has learnt of it through the bus.</summary>
    public async Task<Guid> KnownProjectAsync(HttpClient client, string code)
    {
        var id = await Api.CreateProjectAsync(client, code);
        await Eventually.Get<object>(
            async () => await app.ScalarAsync<long>("SELECT count(*) FROM coalitions.known_projects WHERE project_id = $1", id) == 1 ? id : null,
            $"project {code} known to Coalitions");
        return id;
    }

    public static async Task<Guid> RegisterAsync(HttpClient client, string name = "Kinderrechtencoalitie", string level = "national")
    {
        var created = await (await client.PostAsJsonAsync("/api/coalitions", new { name, level })).JsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    /// <summary>Rows in every table of the coalitions schema a write can touch, the outbox included.</summary>
    public Task<long> RowsAsync() => app.ScalarAsync<long>(AllRows);

    public Task<long> CountAsync(string table) => app.ScalarAsync<long>($"SELECT count(*) FROM coalitions.{table}");

    /// <summary>The payloads of the events of a type in Coalitions' outbox, oldest first.</summary>
    public async Task<List<JsonElement>> OutboxAsync(string eventType)
    {
        await using var connection = await app.OpenAsync();
        await using var query = new Npgsql.NpgsqlCommand(
            "SELECT payload::text FROM coalitions.outbox_messages WHERE type LIKE $1 ORDER BY id", connection);
        query.Parameters.Add(new() { Value = $"%.{eventType},%" });
        var payloads = new List<JsonElement>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            payloads.Add(JsonDocument.Parse(reader.GetString(0)).RootElement.Clone());
        }
        return payloads;
    }

    public static JsonArray Array(params object[] values) => new(values.Select(v => JsonValue.Create(v.ToString())).ToArray<JsonNode?>());

    public static List<Guid> Guids(JsonElement array) => array.EnumerateArray().Select(e => e.GetGuid()).ToList();

    /// <summary>400 with <paramref name="field"/> among the errors (or, for a value JSON cannot bind, a plain 400).</summary>
    private static async Task AssertBadRequestNamingAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        if (problem.TryGetProperty("errors", out _))
        {
            Assert.Contains(field, problem.ErrorFields());
        }
    }

    /// <summary>
    /// Posts <paramref name="body"/> with <paramref name="field"/> set to a bad value: 400 naming
    /// <paramref name="expectedField"/>, and not a row more in the coalitions schema, outbox included.
    /// </summary>
    public async Task AssertRejectedAndNothingWrittenAsync(
        HttpClient client, string url, JsonObject body, string field, JsonNode? value, string expectedField)
    {
        var before = await RowsAsync();
        body[field] = value;

        await AssertBadRequestNamingAsync(await client.PostAsJsonAsync(url, body), expectedField);

        Assert.Equal(before, await RowsAsync());
    }
}
