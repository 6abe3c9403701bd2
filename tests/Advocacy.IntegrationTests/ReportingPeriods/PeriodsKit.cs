using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.ReportingPeriods;

/// <summary>Steps the reporting-period tests share, through the HTTP API.</summary>
internal static class PeriodsKit
{
    public static string PeriodsOf(Guid projectId) => $"/api/projects/{projectId}/reporting-periods";

    public static string PeriodUrl(Guid projectId, Guid periodId) => $"{PeriodsOf(projectId)}/{periodId}";

    public static Guid Id(this JsonElement read) => read.GetProperty("id").GetGuid();

    public static string Status(this JsonElement read) => read.GetProperty("status").GetString()!;

    public static async Task<JsonElement> CreatePeriodAsync(HttpClient client, Guid projectId, string from, string to) =>
        await (await client.PostAsJsonAsync(PeriodsOf(projectId), new { from, to })).JsonAsync(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> StepAsync(HttpClient client, Guid projectId, Guid periodId, string step, object? body = null) =>
        client.PostAsJsonAsync($"{PeriodUrl(projectId, periodId)}/{step}", body ?? new { });

    public static async Task<JsonElement> GetPeriodAsync(HttpClient client, Guid projectId, Guid periodId) =>
        await (await client.GetAsync(PeriodUrl(projectId, periodId))).JsonAsync(HttpStatusCode.OK);

    /// <summary>Creates the period, has staff submit it and a manager approve it: it is locked.</summary>
    public static async Task<JsonElement> ApprovedPeriodAsync(AdvocacyApp app, Guid projectId, string from, string to)
    {
        var staff = await app.ClientAsync("staff");
        var manager = await app.ClientAsync("manager");
        var period = await CreatePeriodAsync(staff, projectId, from, to);
        await (await StepAsync(staff, projectId, period.Id(), "submit")).JsonAsync(HttpStatusCode.OK);
        return await (await StepAsync(manager, projectId, period.Id(), "approve")).JsonAsync(HttpStatusCode.OK);
    }

    public static async Task<JsonElement> UnlockAsync(AdvocacyApp app, Guid projectId, Guid periodId, string reason = "A training's attendance was counted twice.")
    {
        var admin = await app.ClientAsync("admin");
        return await (await StepAsync(admin, projectId, periodId, "unlock", new { reason })).JsonAsync(HttpStatusCode.OK);
    }

    public static JsonObject Meeting(string date, string title = "Meeting at the French-speaking Brussels Parliament") => new()
    {
        ["type"] = "meetingWithPolicyMakers",
        ["date"] = date,
        ["title"] = title,
        ["place"] = "Brussels",
        ["country"] = "BE",
        ["reach"] = new JsonArray(new JsonObject { ["audience"] = "policyMakers", ["count"] = 12 }),
    };

    public static async Task<JsonElement> LogAsync(HttpClient client, Guid projectId, string date, string title = "Meeting at the French-speaking Brussels Parliament") =>
        await (await client.PostAsJsonAsync($"/api/projects/{projectId}/activities", Meeting(date, title))).JsonAsync(HttpStatusCode.Created);

    /// <summary>An objective and an indicator of the project; returns the indicator's id.</summary>
    public static async Task<Guid> IndicatorAsync(HttpClient client, Guid projectId)
    {
        var objective = await (await client.PostAsJsonAsync($"/api/projects/{projectId}/objectives",
            new { code = "O1", title = "Unaccompanied minors know their rights" })).JsonAsync(HttpStatusCode.Created);
        var indicator = await (await client.PostAsJsonAsync($"/api/projects/{projectId}/indicators", new
        {
            objectiveId = objective.Id(), code = "1.1", name = "Leaflets handed to unaccompanied minors", unit = "leaflets",
            direction = "increase", aggregation = "cumulative", baseline = 0, target = 5000, frequency = "semiAnnual",
        })).JsonAsync(HttpStatusCode.Created);
        return indicator.Id();
    }

    public static string MeasurementsOf(Guid projectId, Guid indicatorId) => $"/api/projects/{projectId}/indicators/{indicatorId}/measurements";

    public static Task<HttpResponseMessage> RecordAsync(HttpClient client, Guid projectId, Guid indicatorId, string start, string end, decimal value, string? audience = null) =>
        client.PostAsJsonAsync(MeasurementsOf(projectId, indicatorId), new { periodStart = start, periodEnd = end, value, audience });

    /// <summary>Asserts the problem names the lock of <paramref name="period"/> (title, detail, extensions).</summary>
    public static async Task<JsonElement> AssertLockedAsync(HttpResponseMessage response, JsonElement period, string projectCode)
    {
        var problem = await response.JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Period locked", problem.GetProperty("title").GetString());
        var from = period.GetProperty("from").GetString();
        var to = period.GetProperty("to").GetString();
        Assert.Contains($"{from} – {to}", problem.GetProperty("detail").GetString());
        Assert.Contains(projectCode, problem.GetProperty("detail").GetString());
        Assert.Contains("admin can unlock", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(period.Id(), problem.GetProperty("periodId").GetGuid());
        Assert.Equal(from, problem.GetProperty("from").GetString());
        Assert.Equal(to, problem.GetProperty("to").GetString());
        return problem;
    }
}
