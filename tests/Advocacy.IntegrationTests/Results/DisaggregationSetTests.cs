using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using static Advocacy.IntegrationTests.Results.ResultsKit;

namespace Advocacy.IntegrationTests.Results;

/// <summary>
/// Disaggregation sets defined once and reused by indicators; a period's parts checked against its total:
/// a warning, or a refusal that writes nothing when the indicator requires totals (ADR 0012).
/// </summary>
public sealed class DisaggregationSetTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<JsonElement> SetAsync(HttpClient client, string name, string dimension, params string[] categories) =>
        await (await client.PostAsJsonAsync("/api/disaggregation-sets", new { name, dimension, categories })).JsonAsync(HttpStatusCode.Created);

    private static Task<HttpResponseMessage> MeasureAsync(HttpClient client, Guid projectId, Guid indicatorId, decimal value,
        string? audience = null, string? gender = null, string? country = null) =>
        client.PostAsJsonAsync($"/api/projects/{projectId}/indicators/{indicatorId}/measurements",
            new { periodStart = "2011-01-01", periodEnd = "2011-12-31", value, audience, gender, country });

    private static Task<HttpResponseMessage> PeriodAsync(HttpClient client, Guid projectId, Guid indicatorId, decimal total, params object[] parts) =>
        client.PostAsJsonAsync($"/api/projects/{projectId}/indicators/{indicatorId}/measurements/period",
            new { periodStart = "2011-01-01", periodEnd = "2011-12-31", total, parts });

    private static string Warnings(JsonElement warnings) =>
        string.Join("; ", warnings.EnumerateArray().Select(w =>
            $"{w.GetProperty("set").GetString()} {w.GetProperty("dimension").GetString()} {Figure(w.GetProperty("total"))} {Figure(w.GetProperty("sumOfParts"))}"));

    [Fact]
    public async Task A_set_is_defined_once_in_the_dimension_s_own_spelling_listed_and_reused_and_cannot_go_while_used()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var set = await SetAsync(client, "Students and teachers", "audience", "Children", "professionals");
        Assert.Equal(["children", "professionals"], set.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        var countries = await SetAsync(client, "Benelux", "country", "be", "NL", "LU");
        Assert.Equal(["BE", "NL", "LU"], countries.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));

        var duplicate = await client.PostAsJsonAsync("/api/disaggregation-sets", new { name = "students and TEACHERS", dimension = "gender", categories = new[] { "female" } });
        await duplicate.JsonAsync(HttpStatusCode.Conflict);
        var invalid = await client.PostAsJsonAsync("/api/disaggregation-sets", new { name = "Ages", dimension = "ageBand", categories = new[] { "12-17", "teenagers" } });
        Assert.Equal(["categories[1]"], await Api.ErrorFieldsAsync(invalid));

        var listed = await client.GetFromJsonAsync<JsonElement>("/api/disaggregation-sets?dimension=audience");
        Assert.Equal(["Students and teachers"], listed.EnumerateArray().Select(s => s.GetProperty("name").GetString()));

        var golondrina = await Api.CreateProjectAsync(client, "GOLONDRINA", "2011-01-01");
        var react = await Api.CreateProjectAsync(client, "REACT", "2015-01-01");
        await CreateIndicatorAsync(client, golondrina, Indicator(await ObjectiveAsync(client, golondrina), "1.1", disaggregationSetIds: [set.Id(), countries.Id()]));
        var reused = await CreateIndicatorAsync(client, react, Indicator(await ObjectiveAsync(client, react), "1.1", disaggregationSetIds: [set.Id()]));
        Assert.Equal([set.Id()], reused.GetProperty("disaggregationSetIds").EnumerateArray().Select(i => i.GetGuid()));
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>($"/api/disaggregation-sets/{set.Id()}")).GetProperty("indicatorCount").GetInt32());

        // One set per dimension on an indicator.
        var twoAudiences = await client.PostAsJsonAsync($"/api/projects/{react}/indicators",
            Indicator(await ObjectiveAsync(client, react, "O2"), "2.1", disaggregationSetIds: [set.Id(), (await SetAsync(client, "Children only", "audience", "children")).Id()]));
        Assert.Equal(["disaggregationSetIds"], await Api.ErrorFieldsAsync(twoAudiences));

        await (await client.DeleteAsync($"/api/disaggregation-sets/{set.Id()}")).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(3L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.disaggregation_sets"));
    }

    [Fact]
    public async Task Parts_that_do_not_add_up_to_the_total_are_written_with_a_warning_in_the_response_and_on_the_framework_s_period()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var audience = await SetAsync(client, "Students and teachers", "audience", "children", "professionals");
        var gender = await SetAsync(client, "Women and men", "gender", "female", "male");
        var projectId = await Api.CreateProjectAsync(client, "GOLONDRINA", "2011-01-01");
        var indicator = await CreateIndicatorAsync(client, projectId,
            Indicator(await ObjectiveAsync(client, projectId), "1.1", disaggregationSetIds: [audience.Id(), gender.Id()]));

        var total = await (await MeasureAsync(client, projectId, indicator.Id(), 2480)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(0, total.GetProperty("warnings").GetArrayLength());
        var children = await (await MeasureAsync(client, projectId, indicator.Id(), 2100, audience: "children")).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Students and teachers audience 2480 2100", Warnings(children.GetProperty("warnings")));

        // The period's value is its total (the slices break it down), and the framework names the set that does not add up.
        var period = (await FrameworkIndicatorAsync(client, projectId, indicator.Id())).GetProperty("periods")[0];
        Assert.Equal(2480m, period.GetProperty("value").GetDecimal());
        Assert.Equal("Students and teachers audience 2480 2100", Warnings(period.GetProperty("warnings")));

        var teachers = await (await MeasureAsync(client, projectId, indicator.Id(), 380, audience: "professionals")).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(0, teachers.GetProperty("warnings").GetArrayLength());
        // A second set is checked on its own: its parts overlap the first set's by design.
        var women = await (await MeasureAsync(client, projectId, indicator.Id(), 1300, gender: "female")).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Women and men gender 2480 1300", Warnings(women.GetProperty("warnings")));
        var corrected = await (await client.PutAsJsonAsync($"/api/projects/{projectId}/indicators/{indicator.Id()}/measurements/{women.Id()}",
            new { value = 1250, version = women.GetProperty("version").GetUInt32() })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Women and men gender 2480 1250", Warnings(corrected.GetProperty("warnings")));
        await (await MeasureAsync(client, projectId, indicator.Id(), 1230, gender: "male")).JsonAsync(HttpStatusCode.Created);

        var framework = await FrameworkIndicatorAsync(client, projectId, indicator.Id());
        Assert.Equal((2480m, 5, 0), (framework.GetProperty("periods")[0].GetProperty("value").GetDecimal(),
            framework.GetProperty("periods")[0].GetProperty("measurements").GetInt32(), framework.GetProperty("periods")[0].GetProperty("warnings").GetArrayLength()));
        // Reports hears of the total only, so its actual is Projects' too.
        await AssertActualEverywhereAsync(client, projectId, indicator.Id(), "2480");
    }

    [Fact]
    public async Task With_requireTotals_parts_that_do_not_add_up_get_400_naming_the_set_and_both_numbers_and_nothing_is_written()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var audience = await SetAsync(client, "Students and teachers", "audience", "children", "professionals");
        var projectId = await Api.CreateProjectAsync(client, "GOLONDRINA", "2011-01-01");
        var indicator = await CreateIndicatorAsync(client, projectId,
            Indicator(await ObjectiveAsync(client, projectId), "1.1", disaggregationSetIds: [audience.Id()], requireTotals: true));
        Assert.True(indicator.GetProperty("requireTotals").GetBoolean());

        var refused = await PeriodAsync(client, projectId, indicator.Id(), 2480,
            new { audience = "children", value = 2100 }, new { audience = "professionals", value = 300 });

        var problem = await refused.JsonAsync(HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("'Students and teachers'", detail);
        Assert.Contains("2400", detail);
        Assert.Contains("2480", detail);
        Assert.Equal("Students and teachers audience 2480 2400", Warnings(problem.GetProperty("mismatches")));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.measurements"));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.outbox_messages WHERE type LIKE '%IndicatorMeasured%'"));

        var recorded = await (await PeriodAsync(client, projectId, indicator.Id(), 2480,
            new { audience = "children", value = 2100 }, new { audience = "professionals", value = 380 })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, recorded.GetProperty("warnings").GetArrayLength());
        Assert.Equal(3, recorded.GetProperty("measurements").GetArrayLength());

        // One part alone would break the sum: refused, and the recorded value stays.
        var children = recorded.GetProperty("measurements").EnumerateArray().Single(m => m.GetProperty("audience").GetString() == "children");
        var correction = await client.PutAsJsonAsync($"/api/projects/{projectId}/indicators/{indicator.Id()}/measurements/{children.Id()}",
            new { value = 2000, version = children.GetProperty("version").GetUInt32() });
        Assert.Contains("2380", (await correction.JsonAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        Assert.Equal(2100m, await app.ScalarAsync<decimal>("SELECT value FROM projects.measurements WHERE audience = 'Children'"));

        // Together, total and parts correct in place (same ids).
        var again = await (await PeriodAsync(client, projectId, indicator.Id(), 2380,
            new { audience = "children", value = 2000 }, new { audience = "professionals", value = 380 })).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(children.Id(), again.GetProperty("measurements").EnumerateArray().Select(m => m.Id()));
        Assert.Equal(3L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.measurements"));
        await AssertActualEverywhereAsync(client, projectId, indicator.Id(), "2380");
    }

    [Fact]
    public async Task Slices_outside_the_indicator_s_sets_get_400_and_a_part_before_its_total_gets_409()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var benelux = await SetAsync(client, "Benelux", "country", "BE", "NL", "LU");
        var projectId = await Api.CreateProjectAsync(client, "MARIO", "2011-01-01");
        var indicator = await CreateIndicatorAsync(client, projectId, Indicator(await ObjectiveAsync(client, projectId), "1.1", disaggregationSetIds: [benelux.Id()]));

        Assert.Equal(["country"], await Api.ErrorFieldsAsync(await MeasureAsync(client, projectId, indicator.Id(), 10, country: "FR")));
        Assert.Equal(["audience"], await Api.ErrorFieldsAsync(await MeasureAsync(client, projectId, indicator.Id(), 10, audience: "children")));
        Assert.Equal(["parts[1].country"], await Api.ErrorFieldsAsync(await PeriodAsync(client, projectId, indicator.Id(), 30,
            new { country = "BE", value = 10 }, new { country = "DE", value = 20 })));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.measurements"));

        await (await MeasureAsync(client, projectId, indicator.Id(), 10, country: "BE")).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.measurements"));
    }

    [Fact]
    public async Task An_indicator_s_sets_cannot_change_once_it_has_values_by_slice_and_a_set_keeps_categories_in_use()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var audience = await SetAsync(client, "Students and teachers", "audience", "children", "professionals");
        var projectId = await Api.CreateProjectAsync(client, "GOLONDRINA", "2011-01-01");
        var objective = await ObjectiveAsync(client, projectId);
        var indicator = await CreateIndicatorAsync(client, projectId, Indicator(objective, "1.1", disaggregationSetIds: [audience.Id()]));
        await (await PeriodAsync(client, projectId, indicator.Id(), 2480,
            new { audience = "children", value = 2100 }, new { audience = "professionals", value = 380 })).JsonAsync(HttpStatusCode.OK);

        var withoutSets = await client.PutAsJsonAsync($"/api/projects/{projectId}/indicators/{indicator.Id()}",
            new Dictionary<string, object?>(Indicator(objective, "1.1")) { ["version"] = indicator.GetProperty("version").GetUInt32() });
        await withoutSets.JsonAsync(HttpStatusCode.Conflict);

        var narrowed = await client.PutAsJsonAsync($"/api/disaggregation-sets/{audience.Id()}",
            new { name = "Students", dimension = "audience", categories = new[] { "children" }, version = audience.GetProperty("version").GetUInt32() });
        Assert.Contains("professionals", (await narrowed.JsonAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        var widened = await (await client.PutAsJsonAsync($"/api/disaggregation-sets/{audience.Id()}",
            new { name = "Students, teachers, officials", dimension = "audience", categories = new[] { "children", "professionals", "policyMakers" },
                  version = audience.GetProperty("version").GetUInt32() })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, widened.GetProperty("categories").GetArrayLength());
    }

    [Fact]
    public async Task A_rule_based_indicator_takes_no_disaggregation_sets()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var audience = await SetAsync(client, "Students and teachers", "audience", "children", "professionals");
        var projectId = await Api.CreateProjectAsync(client, "GOLONDRINA", "2011-01-01");

        var response = await client.PostAsJsonAsync($"/api/projects/{projectId}/indicators", Indicator(await ObjectiveAsync(client, projectId), "1.1",
            rule: new { kind = "reachSum", periodLength = "year" }, disaggregationSetIds: [audience.Id()]));

        Assert.Equal(["disaggregationSetIds"], await Api.ErrorFieldsAsync(response));
    }
}
