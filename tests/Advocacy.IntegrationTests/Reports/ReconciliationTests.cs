using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Flows;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Reports;

/// <summary>Every figure Reports holds equals the same figure computed from the source module's own API.</summary>
public sealed class ReconciliationTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record Figures(int Activities, SortedDictionary<string, int> ByType, int Reach,
        SortedDictionary<string, int> ByAudience, SortedDictionary<string, int> ByGender, SortedDictionary<string, int> ByCountry)
    {
        public override string ToString() => JsonSerializer.Serialize(this);
    }

    /// <summary>The figures computed from Projects' activity log, page by page.</summary>
    private static async Task<Figures> FromProjectsAsync(HttpClient client, Guid projectId, string period)
    {
        var activities = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var body = await client.GetFromJsonAsync<JsonElement>($"/api/activities?projectId={projectId}{period}&pageSize=200&page={page}");
            activities.AddRange(body.GetProperty("items").EnumerateArray());
            if (activities.Count >= body.GetProperty("totalCount").GetInt32()) break;
        }
        var reach = activities.SelectMany(a => a.GetProperty("reach").EnumerateArray().Select(r => (Activity: a, Reach: r))).ToList();
        static SortedDictionary<string, int> Sum<T>(IEnumerable<T> items, Func<T, string> key, Func<T, int> count) =>
            new(items.GroupBy(key).ToDictionary(g => g.Key, g => g.Sum(count)));
        return new Figures(
            activities.Count,
            Sum(activities, a => a.GetProperty("type").GetString()!, _ => 1),
            reach.Sum(r => r.Reach.GetProperty("count").GetInt32()),
            Sum(reach, r => r.Reach.GetProperty("audience").GetString()!, r => r.Reach.GetProperty("count").GetInt32()),
            Sum(reach, r => r.Reach.TryGetProperty("gender", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString()! : "unknown",
                r => r.Reach.GetProperty("count").GetInt32()),
            Sum(reach, r => r.Activity.GetProperty("country").GetString() ?? "unknown", r => r.Reach.GetProperty("count").GetInt32()));
    }

    private static async Task<Figures?> FromReportsAsync(HttpClient client, Guid projectId, string period)
    {
        var response = await client.GetAsync($"/api/reports/projects/{projectId}/figures?{period.TrimStart('&')}");
        if (response.StatusCode != HttpStatusCode.OK) return null;
        var f = await response.Content.ReadFromJsonAsync<JsonElement>();
        static SortedDictionary<string, int> Map(JsonElement e) => new(e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()));
        return new Figures(f.GetProperty("activities").GetInt32(), Map(f.GetProperty("activitiesByType")), f.GetProperty("reach").GetInt32(),
            Map(f.GetProperty("reachByAudience")), Map(f.GetProperty("reachByGender")), Map(f.GetProperty("reachByCountry")));
    }

    [Fact]
    public async Task Reports_figures_equal_those_computed_from_the_Projects_API_after_logs_imports_edits_deletes_and_events()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await EventToActivityFlowTests.ProjectKnownToEventsAsync(app, client, "HOTEL-CODE");
        async Task<JsonElement> Log(string type, string date, string country, params object[] reach) =>
            await (await client.PostAsJsonAsync($"/api/projects/{projectId}/activities", new { type, date, title = $"{type} {date}", country, reach }))
                .JsonAsync(HttpStatusCode.Created);

        await Log("meetingWithPolicyMakers", "2015-02-03", "BE", new { audience = "policyMakers", count = 6 });
        var toEdit = await Log("workshop", "2015-04-10", "BE", new { audience = "professionals", gender = "female", count = 14 },
            new { audience = "professionals", gender = "male", count = 9 });
        var toDelete = await Log("media", "2015-05-01", "FR", new { audience = "generalPublic", count = 5000 });
        var csv = "date,type,title,country,children_female,children_male,professionals\n"
            + "2015-06-02,awarenessCampaign,School session,BE,120,110,8\n2016-01-15,training,Hotel staff,LU,,,25\n";
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "log.csv" } };
        await (await client.PostAsync($"/api/projects/{projectId}/activities/import", form)).JsonAsync(HttpStatusCode.OK);
        await (await client.PutAsJsonAsync($"/api/activities/{toEdit.GetProperty("id").GetGuid()}", new
        {
            type = "workshop", date = "2015-04-10", title = "Workshop (corrected)", country = "BE",
            reach = new[] { new { audience = "professionals", gender = "female", count = 16 } },
            version = toEdit.GetProperty("version").GetUInt32(),
        })).JsonAsync(HttpStatusCode.OK);
        await (await client.DeleteAsync($"/api/activities/{toDelete.GetProperty("id").GetGuid()}")).JsonAsync(HttpStatusCode.NoContent);
        var (eventId, version) = await EventToActivityFlowTests.PlanAsync(client, [projectId]);
        await (await client.PostAsJsonAsync($"/api/events/{eventId}/held", EventToActivityFlowTests.Attendance(20, 17, version))).JsonAsync(HttpStatusCode.OK);

        foreach (var period in new[] { "", "&from=2015-01-01&to=2015-12-31", "&from=2016-01-01" })
        {
            var expectedCount = period == "" ? 5 : period.Contains("2016") ? 1 : 4;
            var expected = await Eventually.Get(async () =>
                await FromProjectsAsync(client, projectId, period) is { } f && f.Activities == expectedCount ? f : null, "Projects' log to settle");
            var actual = await Eventually.Get(async () =>
                await FromReportsAsync(client, projectId, period) is { } f && f.ToString() == expected.ToString() ? f : null,
                $"Reports' figures for '{period}' to equal Projects' {expected}");
            Assert.Equal(expected.ToString(), actual.ToString());
            var figures = await client.GetFromJsonAsync<JsonElement>($"/api/reports/projects/{projectId}/figures?{period.TrimStart('&')}");
            Assert.Equal(period.Contains("2016") ? 0 : 1, figures.GetProperty("eventsHeld").GetInt32());
        }
    }

    /// <summary>A dashboard's figures, in the shape of <see cref="Figures"/> (no gender nor country split).</summary>
    private static async Task<string?> DashboardAsync(HttpClient client, string path, string period)
    {
        var response = await client.GetAsync($"{path}?{period.TrimStart('&')}");
        if (response.StatusCode != HttpStatusCode.OK) return null;
        var d = await response.Content.ReadFromJsonAsync<JsonElement>();
        static SortedDictionary<string, int> Map(JsonElement e) => new(e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()));
        var top = d.GetProperty("topLine");
        var monthly = d.GetProperty("monthly").EnumerateArray().Where(m => m.GetProperty("activities").GetInt32() > 0)
            .Select(m => $"{m.GetProperty("month").GetString()}:{m.GetProperty("activities").GetInt32()}/{m.GetProperty("reach").GetInt32()}");
        return JsonSerializer.Serialize(new
        {
            Activities = top.GetProperty("activities").GetInt32(), Reach = top.GetProperty("reach").GetInt32(),
            ByType = Map(d.GetProperty("activitiesByType")), ByAudience = Map(d.GetProperty("reachByAudience")), Monthly = string.Join(" ", monthly),
        });
    }

    private static string Expected(Figures f, IEnumerable<JsonElement> activities)
    {
        var monthly = activities.GroupBy(a => a.GetProperty("date").GetString()![..7]).OrderBy(g => g.Key)
            .Select(g => $"{g.Key}:{g.Count()}/{g.Sum(a => a.GetProperty("reach").EnumerateArray().Sum(r => r.GetProperty("count").GetInt32()))}");
        return JsonSerializer.Serialize(new { f.Activities, f.Reach, f.ByType, f.ByAudience, Monthly = string.Join(" ", monthly) });
    }

    [Fact]
    public async Task Dashboards_read_from_monthly_rollups_and_totals_equal_the_activity_log_for_all_time_whole_months_and_periods_that_cut_them()
    {
        var client = await app.ClientAsync(Roles.Manager);
        var projectId = await Api.CreateProjectAsync(client, "ROLLUP", "2010-01-01", level: "national");
        async Task<JsonElement> Log(string type, string date, string? country, params object[] reach) =>
            await (await client.PostAsJsonAsync($"/api/projects/{projectId}/activities", new { type, date, title = $"{type} {date}", country, reach }))
                .JsonAsync(HttpStatusCode.Created);
        await Log("workshop", "2015-03-31", "BE", new { audience = "professionals", count = 10 });
        var moved = await Log("workshop", "2015-04-01", "BE", new { audience = "professionals", gender = "female", count = 14 },
            new { audience = "children", count = 30 });
        await Log("media", "2015-04-15", null, new { audience = "generalPublic", count = 5000 });
        var deleted = await Log("media", "2015-04-20", "FR", new { audience = "generalPublic", count = 700 });
        await Log("training", "2015-05-02", "LU", new { audience = "professionals", count = 25 });
        // Moved to another month, type, country and reach; then one deleted: both roll-up rows it touched change.
        await (await client.PutAsJsonAsync($"/api/activities/{moved.GetProperty("id").GetGuid()}", new
        {
            type = "training", date = "2015-05-31", title = "Moved", country = "LU",
            reach = new[] { new { audience = "children", count = 12 } },
            version = moved.GetProperty("version").GetUInt32(),
        })).JsonAsync(HttpStatusCode.OK);
        await (await client.DeleteAsync($"/api/activities/{deleted.GetProperty("id").GetGuid()}")).JsonAsync(HttpStatusCode.NoContent);

        // Whole months, open ends, a period cutting months at both ends, one day, and one within a month.
        foreach (var period in new[] { "", "&from=2015-04-01&to=2015-05-31", "&from=2015-04-10", "&to=2015-04-30",
                     "&from=2015-03-31&to=2015-05-02", "&from=2015-05-31&to=2015-05-31", "&from=2015-04-02&to=2015-04-29" })
        {
            var activities = new List<JsonElement>();
            var log = await client.GetFromJsonAsync<JsonElement>($"/api/activities?projectId={projectId}{period}&pageSize=200");
            activities.AddRange(log.GetProperty("items").EnumerateArray());
            var expected = Expected(await FromProjectsAsync(client, projectId, period), activities);
            foreach (var path in new[] { $"/api/reports/dashboards/projects/{projectId}", "/api/reports/dashboards/organisation" })
            {
                var actual = await Eventually.Get(async () => await DashboardAsync(client, path, period) is { } d && d == expected ? d : null,
                    $"{path} for '{period}' to equal the log's {expected}");
                Assert.Equal(expected, actual);
            }
        }

        // The roll-up tables hold exactly what the live facts add up to (rows emptied by the move and the deletion left aside).
        async Task SameRows(string fromFacts, string fromRollups) =>
            Assert.Equal(
                await app.ScalarAsync<string>($"SELECT string_agg(row::text, '; ' ORDER BY row::text) FROM ({fromFacts}) row"),
                await app.ScalarAsync<string>($"SELECT string_agg(row::text, '; ' ORDER BY row::text) FROM ({fromRollups}) row"));
        await SameRows("""
            SELECT project_id, date_trunc('month', date)::date, count(*), sum(total_reach), count(coalition_id)
              FROM reports.activity_facts WHERE NOT deleted GROUP BY 1, 2
            """, "SELECT project_id, month, activities, reach, coalition_activities FROM reports.month_rollups WHERE activities <> 0");
        await SameRows("""
            SELECT project_id, date_trunc('month', date)::date, type, count(*) FROM reports.activity_facts WHERE NOT deleted GROUP BY 1, 2, 3
            """, "SELECT project_id, month, type, activities FROM reports.activity_rollups WHERE activities <> 0");
        await SameRows("""
            SELECT project_id, date_trunc('month', date)::date, coalesce(country, ''), count(*), sum(total_reach)
              FROM reports.activity_facts WHERE NOT deleted GROUP BY 1, 2, 3
            """, "SELECT project_id, month, country, activities, reach FROM reports.country_rollups WHERE activities <> 0");
        await SameRows("""
            SELECT f.project_id, date_trunc('month', f.date)::date, r.audience, sum(r.count)
              FROM reports.activity_facts f JOIN reports.reach_facts r USING (activity_id) WHERE NOT f.deleted GROUP BY 1, 2, 3
            """, "SELECT project_id, month, audience, people FROM reports.reach_rollups WHERE people <> 0");
        // And the all-time totals (ADR 0023), which the dashboards read for the period with no bounds.
        await SameRows("""
            SELECT project_id, count(*), sum(total_reach), count(coalition_id) FROM reports.activity_facts WHERE NOT deleted GROUP BY 1
            """, "SELECT project_id, activities, reach, coalition_activities FROM reports.project_totals WHERE activities <> 0");
        await SameRows("""
            SELECT project_id, type, count(*) FROM reports.activity_facts WHERE NOT deleted GROUP BY 1, 2
            """, "SELECT project_id, type, activities FROM reports.activity_totals WHERE activities <> 0");
        await SameRows("""
            SELECT project_id, coalesce(country, ''), count(*), sum(total_reach) FROM reports.activity_facts WHERE NOT deleted GROUP BY 1, 2
            """, "SELECT project_id, country, activities, reach FROM reports.country_totals WHERE activities <> 0");
        await SameRows("""
            SELECT f.project_id, r.audience, sum(r.count)
              FROM reports.activity_facts f JOIN reports.reach_facts r USING (activity_id) WHERE NOT f.deleted GROUP BY 1, 2
            """, "SELECT project_id, audience, people FROM reports.reach_totals WHERE people <> 0");
    }

    [Fact]
    public async Task Reports_indicator_table_equals_the_results_framework_computed_by_Projects_and_follows_a_target_change()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await Api.CreateProjectAsync(client, "GOLONDRINA", "2010-01-01", level: "international");
        var objective = await (await client.PostAsJsonAsync($"/api/projects/{projectId}/objectives",
            new { code = "O1", title = "Students and teachers know how to prevent child sexual abuse" })).JsonAsync(HttpStatusCode.Created);
        async Task<JsonElement> Indicator(string code, string aggregation, decimal target) =>
            await (await client.PostAsJsonAsync($"/api/projects/{projectId}/indicators", new
            {
                objectiveId = objective.GetProperty("id").GetGuid(), code, name = $"Indicator {code}", unit = "people",
                direction = "increase", aggregation, baseline = 0, target, frequency = "annual",
            })).JsonAsync(HttpStatusCode.Created);
        var reached = await Indicator("1.1", "cumulative", 2000);
        var schools = await Indicator("1.2", "latest", 10);
        async Task Measure(JsonElement indicator, string start, string end, decimal value, string? audience = null) =>
            await (await client.PostAsJsonAsync($"/api/projects/{projectId}/indicators/{indicator.GetProperty("id").GetGuid()}/measurements",
                new { periodStart = start, periodEnd = end, value, audience })).JsonAsync(HttpStatusCode.Created);
        await Measure(reached, "2011-01-01", "2011-12-31", 2100, "children");
        await Measure(reached, "2011-01-01", "2011-12-31", 380, "professionals");
        await Measure(reached, "2012-01-01", "2012-12-31", 120);
        await Measure(schools, "2011-01-01", "2011-12-31", 6);
        await Measure(schools, "2012-01-01", "2012-12-31", 9);
        await (await client.PutAsJsonAsync($"/api/projects/{projectId}/indicators/{reached.GetProperty("id").GetGuid()}", new
        {
            code = "1.1", name = "Indicator 1.1", unit = "people", direction = "increase", aggregation = "cumulative",
            baseline = 100, target = 3000, frequency = "annual", version = reached.GetProperty("version").GetUInt32(),
        })).JsonAsync(HttpStatusCode.OK);

        var framework = await client.GetFromJsonAsync<JsonElement>($"/api/projects/{projectId}/results-framework");
        var expected = string.Join("; ", framework.GetProperty("objectives")[0].GetProperty("indicators").EnumerateArray().Select(i =>
            $"{i.GetProperty("code").GetString()} {i.GetProperty("baseline").GetDecimal():0.####} {i.GetProperty("target").GetDecimal():0.####} "
            + $"{i.GetProperty("actual").GetDecimal():0.####} {i.GetProperty("progress").GetDecimal():0.####}"));
        Assert.Equal("1.1 100 3000 2600 0.8621; 1.2 0 10 9 0.9", expected);

        await Eventually.Get(async () =>
        {
            var response = await client.GetAsync($"/api/reports/projects/{projectId}/indicators");
            if (response.StatusCode != HttpStatusCode.OK) return null;
            var table = await response.Content.ReadFromJsonAsync<JsonElement>();
            var actual = string.Join("; ", table.EnumerateArray().Select(i =>
                $"{i.GetProperty("code").GetString()} {i.GetProperty("baseline").GetDecimal():0.####} {i.GetProperty("target").GetDecimal():0.####} "
                + $"{(i.GetProperty("actual").ValueKind == JsonValueKind.Null ? "-" : i.GetProperty("actual").GetDecimal().ToString("0.####"))} "
                + $"{(i.GetProperty("progress").ValueKind == JsonValueKind.Null ? "-" : i.GetProperty("progress").GetDecimal().ToString("0.####"))}"));
            return actual == expected ? actual : null;
        }, $"Reports' indicator table to equal Projects' results framework: {expected}");
    }

    [Fact]
    public async Task The_read_model_rebuilt_from_scratch_by_replay_has_the_same_figures()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var admin = await app.ClientAsync(Roles.Admin);
        var projectId = await EventToActivityFlowTests.ProjectKnownToEventsAsync(app, client, "HOTEL-CODE");
        // Reports' own source data: a publication with a recommendation and its status history.
        var publication = await Publications.PublicationsKit.CreateAsync(client, Publications.PublicationsKit.Draft());
        var recommendation = await (await client.PostAsJsonAsync($"/api/publications/{publication.GetProperty("id").GetGuid()}/recommendations",
            new { text = "Appoint guardians without delay", addressedTo = "government" })).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync($"/api/recommendations/{recommendation.GetProperty("id").GetGuid()}/status",
            new { status = "acknowledged", changedOn = "2019-01-10", version = recommendation.GetProperty("version").GetUInt32() })).JsonAsync(HttpStatusCode.OK);
        var logged = await (await client.PostAsJsonAsync($"/api/projects/{projectId}/activities", new
        {
            type = "training", date = "2015-09-08", title = "Training", country = "BE",
            reach = new[] { new { audience = "professionals", count = 12 } },
        })).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync($"/api/projects/{projectId}/activities", new
        {
            type = "media", date = "2015-10-18", title = "Interview", country = "BE", reach = new[] { new { audience = "generalPublic", count = 900 } },
        })).JsonAsync(HttpStatusCode.Created);
        await (await client.DeleteAsync($"/api/activities/{logged.GetProperty("id").GetGuid()}")).JsonAsync(HttpStatusCode.NoContent);
        var (eventId, version) = await EventToActivityFlowTests.PlanAsync(client, [projectId]);
        await (await client.PostAsJsonAsync($"/api/events/{eventId}/held", EventToActivityFlowTests.Attendance(20, 17, version))).JsonAsync(HttpStatusCode.OK);
        var expected = await Eventually.Get(async () =>
            await FromProjectsAsync(client, projectId, "") is { Activities: 2 } f
            && await FromReportsAsync(client, projectId, "") is { } r && r.ToString() == f.ToString() ? f : null, "Reports to catch up");

        await (await client.PostAsync("/api/reports/rebuild", null)).JsonAsync(HttpStatusCode.Forbidden);
        var started = await (await admin.PostAsync("/api/reports/rebuild", null)).JsonAsync(HttpStatusCode.Accepted);
        var rebuildAt = started.GetProperty("requestedAt").GetDateTimeOffset();

        // Every event Projects ever published and every EventScheduleChanged of Events (Reports reads them all) has been
        // applied again since the rebuild began. Events adds each event's current schedule when it replays, so count anew each time.
        await Eventually.Get(async () =>
        {
            var published = await app.ScalarAsync<long>("SELECT (SELECT count(*) FROM projects.outbox_messages) "
                + "+ (SELECT count(*) FROM events.outbox_messages WHERE type LIKE '%.EventScheduleChanged,%')");
            return await app.ScalarAsync<long>("SELECT count(*) FROM reports.inbox_messages WHERE handled_at >= $1", rebuildAt) == published ? "" : null;
        }, "Reports to apply all of Projects' events and Events' schedules again");
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM reports.inbox_messages WHERE handled_at < $1", rebuildAt));
        Assert.Equal(expected.ToString(), (await FromReportsAsync(client, projectId, ""))!.ToString());

        // Publications and recommendations are Reports' own data, not read model: the rebuild left them alone.
        var kept = await (await client.GetAsync($"/api/publications/{publication.GetProperty("id").GetGuid()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("acknowledged", kept.GetProperty("recommendations")[0].GetProperty("status").GetString());
        Assert.Equal(1, kept.GetProperty("recommendations")[0].GetProperty("history").GetArrayLength());
    }
}
