using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Events;

/// <summary>Request bodies and steps the events tests share.</summary>
internal static class EventApi
{
    /// <summary>The training for ACCOR Belgium's managers: one session per date, mornings, in Brussels.</summary>
    public static JsonObject Training(params string[] dates) => new()
    {
        ["title"] = "Training for ACCOR Belgium's managers",
        ["kind"] = "training",
        ["sessions"] = new JsonArray(dates.Select(date => (JsonNode)new JsonObject
        {
            ["date"] = date, ["startTime"] = "09:30", ["endTime"] = "12:30",
        }).ToArray()),
        ["place"] = "Brussels",
        ["country"] = "BE",
        ["organisedByUs"] = true,
    };

    /// <summary>A body with <paramref name="patch"/>'s properties set over <paramref name="body"/>'s.</summary>
    public static JsonObject With(this JsonObject body, string patch)
    {
        var copy = body.DeepClone().AsObject();
        foreach (var (name, value) in JsonNode.Parse(patch)!.AsObject())
        {
            copy[name] = value?.DeepClone();
        }
        return copy;
    }

    public static async Task<JsonElement> PlanAsync(HttpClient client, JsonObject body) =>
        await (await client.PostAsJsonAsync("/api/events", body)).JsonAsync(HttpStatusCode.Created);

    /// <summary>An attendance body for the event as last read.</summary>
    public static JsonObject Attendance(JsonElement read, params (string Audience, string? Gender, int Count)[] entries) => new()
    {
        ["attendance"] = new JsonArray(entries.Select(e => (JsonNode)new JsonObject
        {
            ["audience"] = e.Audience, ["gender"] = e.Gender, ["count"] = e.Count,
        }).ToArray()),
        ["version"] = Version(read),
    };

    /// <summary>Just the version of the event as last read, for a cancel.</summary>
    public static JsonObject VersionOf(JsonElement read) => new() { ["version"] = Version(read) };

    public static uint Version(JsonElement read) => read.GetProperty("version").GetUInt32();

    public static Guid Id(JsonElement read) => read.GetProperty("id").GetGuid();

    public static Task<HttpResponseMessage> HoldAsync(HttpClient client, JsonElement read, params (string Audience, string? Gender, int Count)[] entries) =>
        client.PostAsJsonAsync($"/api/events/{Id(read)}/held", Attendance(read, entries));

    /// <summary>The body for an edit: the event's request fields with the version read.</summary>
    public static JsonObject Edit(JsonObject body, JsonElement read)
    {
        var copy = body.DeepClone().AsObject();
        copy["version"] = Version(read);
        return copy;
    }

    /// <summary>How many events of a type (EventHeld, HeldEventUpdated, EventWithdrawn, EventScheduleChanged) Events' outbox holds.</summary>
    public static Task<long> PublishedAsync(this AdvocacyApp app, string eventType) =>
        app.ScalarAsync<long>("SELECT count(*) FROM events.outbox_messages WHERE type LIKE $1", OutboxType(eventType));

    /// <summary>How many events Events' outbox holds for Projects (all but EventScheduleChanged, which only Reports reads).</summary>
    public static Task<long> PublishedToProjectsAsync(this AdvocacyApp app) =>
        app.ScalarAsync<long>("SELECT count(*) FROM events.outbox_messages WHERE type NOT LIKE $1", OutboxType("EventScheduleChanged"));

    /// <summary>A LIKE pattern for the outbox type of one of Events' contracts.</summary>
    public static string OutboxType(string eventType) => $"Advocacy.Modules.Events.Contracts.{eventType},%";

    /// <summary>Creates a project through Projects' API and waits until Events has heard of it over the bus.</summary>
    public static async Task<Guid> KnownProjectAsync(AdvocacyApp app, HttpClient client, string code)
    {
        var projectId = await Api.CreateProjectAsync(client, code);
        await Eventually.Get(
            async () => await app.ScalarAsync<long>("SELECT count(*) FROM events.known_projects WHERE project_id = $1", projectId) == 1 ? "known" : null,
            $"Events to learn of project {code}");
        return projectId;
    }
}
