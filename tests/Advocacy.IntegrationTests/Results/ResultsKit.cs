using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Results;

/// <summary>Steps the results-framework tests share: objectives, indicators, the framework and Reports' indicator table.</summary>
internal static class ResultsKit
{
    public static async Task<Guid> ObjectiveAsync(HttpClient client, Guid projectId, string code = "O1") =>
        (await (await client.PostAsJsonAsync($"/api/projects/{projectId}/objectives", new { code, title = $"Objective {code}" }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    /// <summary>An indicator body: people, increasing from 0 to 100, with <paramref name="extra"/> fields added (rule, sets…).</summary>
    public static Dictionary<string, object?> Indicator(Guid objectiveId, string code, object? rule = null, string aggregation = "cumulative",
        Guid[]? disaggregationSetIds = null, bool? requireTotals = null) => new()
    {
        ["objectiveId"] = objectiveId, ["code"] = code, ["name"] = $"Indicator {code}", ["unit"] = "people", ["direction"] = "increase",
        ["aggregation"] = aggregation, ["baseline"] = 0, ["target"] = 100, ["frequency"] = "quarterly", ["rule"] = rule,
        ["disaggregationSetIds"] = disaggregationSetIds, ["requireTotals"] = requireTotals,
    };

    public static async Task<JsonElement> CreateIndicatorAsync(HttpClient client, Guid projectId, Dictionary<string, object?> body) =>
        await (await client.PostAsJsonAsync($"/api/projects/{projectId}/indicators", body)).JsonAsync(HttpStatusCode.Created);

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    /// <summary>The indicator as the results framework shows it.</summary>
    public static async Task<JsonElement> FrameworkIndicatorAsync(HttpClient client, Guid projectId, Guid indicatorId)
    {
        var framework = await client.GetFromJsonAsync<JsonElement>($"/api/projects/{projectId}/results-framework");
        return framework.GetProperty("objectives").EnumerateArray()
            .SelectMany(o => o.GetProperty("indicators").EnumerateArray())
            .Single(i => i.GetProperty("id").GetGuid() == indicatorId);
    }

    /// <summary>The indicator's periods in the framework as "start..end=value", joined by "; ".</summary>
    public static string Periods(JsonElement indicator) =>
        string.Join("; ", indicator.GetProperty("periods").EnumerateArray().Select(p =>
            $"{p.GetProperty("periodStart").GetString()}..{p.GetProperty("periodEnd").GetString()}={Figure(p.GetProperty("value"))}"));

    public static string Figure(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? "-" : value.GetDecimal().ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>The indicator's measurements (all pages of 200).</summary>
    public static async Task<List<JsonElement>> MeasurementsAsync(HttpClient client, Guid projectId, Guid indicatorId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/projects/{projectId}/indicators/{indicatorId}/measurements?pageSize=200"))
            .GetProperty("items").EnumerateArray().ToList();

    /// <summary>The titles of the activities that produced the measurement of the period starting <paramref name="periodStart"/>.</summary>
    public static async Task<List<string>> SourceTitlesAsync(HttpClient client, Guid projectId, Guid indicatorId, string periodStart)
    {
        var measurement = (await MeasurementsAsync(client, projectId, indicatorId)).Single(m => m.GetProperty("periodStart").GetString() == periodStart);
        var sources = await client.GetFromJsonAsync<JsonElement>(
            $"/api/projects/{projectId}/indicators/{indicatorId}/measurements/{measurement.Id()}/sources");
        return sources.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("title").GetString()!).ToList();
    }

    /// <summary>Waits until Reports' indicator table shows <paramref name="expectedActual"/> for the indicator, and returns it.</summary>
    public static Task<string> ReportsActualAsync(HttpClient client, Guid projectId, Guid indicatorId, string expectedActual) =>
        Eventually.Get(async () =>
        {
            var response = await client.GetAsync($"/api/reports/projects/{projectId}/indicators");
            if (response.StatusCode != HttpStatusCode.OK) return null;
            var table = await response.Content.ReadFromJsonAsync<JsonElement>();
            var row = table.EnumerateArray().FirstOrDefault(i => i.GetProperty("indicatorId").GetGuid() == indicatorId);
            return row.ValueKind == JsonValueKind.Object && Figure(row.GetProperty("actual")) == expectedActual ? expectedActual : null;
        }, $"Reports' actual of indicator {indicatorId} to be {expectedActual}");

    /// <summary>Asserts that Projects' framework shows <paramref name="actual"/> and that Reports reaches the same figure.</summary>
    public static async Task AssertActualEverywhereAsync(HttpClient client, Guid projectId, Guid indicatorId, string actual)
    {
        Assert.Equal(actual, Figure((await FrameworkIndicatorAsync(client, projectId, indicatorId)).GetProperty("actual")));
        Assert.Equal(actual, await ReportsActualAsync(client, projectId, indicatorId, actual));
    }
}
