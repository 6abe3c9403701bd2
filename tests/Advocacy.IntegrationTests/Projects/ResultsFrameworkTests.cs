using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using static Advocacy.IntegrationTests.Infrastructure.Api;

namespace Advocacy.IntegrationTests.Projects;

/// <summary>
/// Objectives → indicators → measurements per period and slice, and progress against target computed
/// from them, through the HTTP API on PostgreSQL.
/// </summary>
public sealed class ResultsFrameworkTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    // ---- objectives ----

    [Fact]
    public async Task Creating_an_objective_returns_201_with_its_code_in_upper_case_and_a_version()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "GOLONDRINA");

        var response = await client.PostAsJsonAsync($"/api/projects/{projectId}/objectives",
            new { code = "o1", title = "Children and teachers know the risks of sexual exploitation", description = "School campaigns in Colombia." });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var objective = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("O1", objective.GetProperty("code").GetString());
        Assert.Equal(projectId, objective.GetProperty("projectId").GetGuid());
        Assert.True(objective.GetProperty("version").GetUInt32() > 0);
        Assert.EndsWith($"/objectives/{objective.GetProperty("id").GetGuid()}", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_duplicate_objective_code_in_the_project_returns_409_and_keeps_the_first()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "GOLONDRINA");
        await CreateObjectiveAsync(client, projectId, "O1");

        var second = await client.PostAsJsonAsync($"/api/projects/{projectId}/objectives", new { code = "o1", title = "Another" });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.objectives"));
    }

    [Fact]
    public async Task The_same_objective_code_in_another_project_is_accepted()
    {
        var client = await app.ClientAsync(Roles.Staff);
        await CreateObjectiveAsync(client, await CreateProjectAsync(client, "GOLONDRINA"), "O1");

        var response = await client.PostAsJsonAsync($"/api/projects/{await CreateProjectAsync(client, "REACT")}/objectives",
            new { code = "O1", title = "Unaccompanied minors know their rights" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Creating_an_objective_with_invalid_fields_returns_400_per_field_and_writes_nothing()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "GOLONDRINA");

        var response = await client.PostAsJsonAsync($"/api/projects/{projectId}/objectives",
            new { code = "O 1!", title = "", description = new string('d', 4001) });

        Assert.Equal(["code", "description", "title"], await ErrorFieldsAsync(response));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.objectives"));
    }

    [Fact]
    public async Task Updating_an_objective_with_the_version_read_returns_200_and_a_stale_version_returns_409()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "GOLONDRINA");
        var created = await (await client.PostAsJsonAsync($"/api/projects/{projectId}/objectives", new { code = "O1", title = "First title" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var url = $"/api/projects/{projectId}/objectives/{created.GetProperty("id").GetGuid()}";
        var readVersion = created.GetProperty("version").GetUInt32();

        var first = await client.PutAsJsonAsync(url, new { code = "O1", title = "Children know the risks", version = readVersion });
        var stale = await client.PutAsJsonAsync(url, new { code = "O1", title = "A lost update", version = readVersion });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var updated = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Children know the risks", updated.GetProperty("title").GetString());
        Assert.NotEqual(readVersion, updated.GetProperty("version").GetUInt32());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Children know the risks", await app.ScalarAsync<string>("SELECT title FROM projects.objectives"));
    }

    [Fact]
    public async Task Renaming_an_objective_to_the_code_of_another_returns_409()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "GOLONDRINA");
        await CreateObjectiveAsync(client, projectId, "O1");
        var second = await (await client.PostAsJsonAsync($"/api/projects/{projectId}/objectives", new { code = "O2", title = "Local governments act" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var response = await client.PutAsJsonAsync($"/api/projects/{projectId}/objectives/{second.GetProperty("id").GetGuid()}",
            new { code = "O1", title = "Local governments act", version = second.GetProperty("version").GetUInt32() });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Every_results_endpoint_of_an_unknown_project_returns_404_problem()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var unknown = $"/api/projects/{Guid.NewGuid()}";

        var responses = new[]
        {
            await client.PostAsJsonAsync($"{unknown}/objectives", new { code = "O1", title = "Objective" }),
            await client.PutAsJsonAsync($"{unknown}/objectives/{Guid.NewGuid()}", new { code = "O1", title = "Objective", version = 1 }),
            await client.PostAsJsonAsync($"{unknown}/indicators", IndicatorBody(Guid.NewGuid(), "1.1")),
            await client.PostAsJsonAsync($"{unknown}/indicators/{Guid.NewGuid()}/measurements", Measurement(Year(2015), value: 5)),
            await client.GetAsync($"{unknown}/indicators/{Guid.NewGuid()}/measurements"),
            await client.GetAsync($"{unknown}/results-framework"),
        };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.StartsWith("Project '", problem.GetProperty("detail").GetString());
        }
    }

    // ---- indicators ----

    [Fact]
    public async Task Creating_an_indicator_returns_201_with_its_definition()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "GOLONDRINA");
        var objectiveId = await CreateObjectiveAsync(client, projectId, "O1");

        var response = await client.PostAsJsonAsync($"/api/projects/{projectId}/indicators", new
        {
            objectiveId, code = "1.1", name = "Students and teachers reached by the school campaign", unit = "people",
            direction = "increase", aggregation = "cumulative", baseline = 0, target = 2480, frequency = "semiAnnual",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var indicator = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(objectiveId, indicator.GetProperty("objectiveId").GetGuid());
        Assert.Equal(("1.1", "people", "increase", "cumulative", "semiAnnual"), (
            indicator.GetProperty("code").GetString(), indicator.GetProperty("unit").GetString(),
            indicator.GetProperty("direction").GetString(), indicator.GetProperty("aggregation").GetString(),
            indicator.GetProperty("frequency").GetString()));
        Assert.Equal(2480m, indicator.GetProperty("target").GetDecimal());
    }

    [Fact]
    public async Task A_duplicate_indicator_code_in_the_project_returns_409_and_keeps_the_first()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "GOLONDRINA");
        var objectiveId = await CreateObjectiveAsync(client, projectId, "O1");
        var otherObjectiveId = await CreateObjectiveAsync(client, projectId, "O2");
        await CreateIndicatorAsync(client, projectId, objectiveId, "1.1");

        var response = await client.PostAsJsonAsync($"/api/projects/{projectId}/indicators", IndicatorBody(otherObjectiveId, "1.1"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.indicators"));
    }

    [Fact]
    public async Task Creating_an_indicator_for_an_objective_of_another_project_returns_400_on_objectiveId_and_writes_nothing()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "GOLONDRINA");
        var foreignObjectiveId = await CreateObjectiveAsync(client, await CreateProjectAsync(client, "REACT"), "O1");

        var foreign = await client.PostAsJsonAsync($"/api/projects/{projectId}/indicators", IndicatorBody(foreignObjectiveId, "1.1"));
        var unknown = await client.PostAsJsonAsync($"/api/projects/{projectId}/indicators", IndicatorBody(Guid.NewGuid(), "1.1"));

        Assert.Equal(["objectiveId"], await ErrorFieldsAsync(foreign));
        Assert.Equal(["objectiveId"], await ErrorFieldsAsync(unknown));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.indicators"));
    }

    [Theory]
    [InlineData("increase", 100, 100)]
    [InlineData("increase", 100, 50)]
    [InlineData("decrease", 40, 40)]
    [InlineData("decrease", 40, 60)]
    [InlineData("increase", 0, 2_000_000_000_000)]
    public async Task An_indicator_whose_target_does_not_lie_in_its_direction_or_range_returns_400_on_target_and_writes_nothing(
        string direction, long baseline, long target)
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "GOLONDRINA");
        var objectiveId = await CreateObjectiveAsync(client, projectId, "O1");

        var response = await client.PostAsJsonAsync($"/api/projects/{projectId}/indicators",
            IndicatorBody(objectiveId, "1.1", direction: direction, baseline: baseline, target: target));

        Assert.Equal(["target"], await ErrorFieldsAsync(response));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.indicators"));
    }

    [Fact]
    public async Task Creating_an_indicator_with_missing_or_too_long_fields_returns_400_per_field_and_writes_nothing()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "GOLONDRINA");

        var response = await client.PostAsJsonAsync($"/api/projects/{projectId}/indicators", new
        {
            code = new string('1', 21), name = "", unit = new string('u', 51), baseline = 0.12345m,
        });

        Assert.Equal(["aggregation", "baseline", "code", "direction", "frequency", "name", "objectiveId", "target", "unit"],
            await ErrorFieldsAsync(response));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.indicators"));
    }

    [Fact]
    public async Task Updating_an_indicator_changes_its_target_and_the_progress_computed_from_it_and_a_stale_version_returns_409()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "GOLONDRINA");
        var indicator = await CreateIndicatorAsync(client, projectId, await CreateObjectiveAsync(client, projectId, "O1"), "1.1", target: 2480);
        var indicatorId = indicator.GetProperty("id").GetGuid();
        var readVersion = indicator.GetProperty("version").GetUInt32();
        await RecordAsync(client, projectId, indicatorId, Measurement(Year(2015), value: 2480));

        var updated = await client.PutAsJsonAsync($"/api/projects/{projectId}/indicators/{indicatorId}",
            IndicatorBody(null, "1.1", target: 4960, version: readVersion));
        var stale = await client.PutAsJsonAsync($"/api/projects/{projectId}/indicators/{indicatorId}",
            IndicatorBody(null, "1.1", target: 1000, version: readVersion));

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var framework = await FrameworkIndicatorAsync(client, projectId, "1.1");
        Assert.Equal(4960m, framework.GetProperty("target").GetDecimal());
        Assert.Equal(0.5m, framework.GetProperty("progress").GetDecimal());
    }

    [Fact]
    public async Task Updating_an_indicator_of_another_project_returns_404()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "GOLONDRINA");
        var otherProjectId = await CreateProjectAsync(client, "REACT");
        var foreign = await CreateIndicatorAsync(client, otherProjectId, await CreateObjectiveAsync(client, otherProjectId, "O1"), "1.1");

        var response = await client.PutAsJsonAsync($"/api/projects/{projectId}/indicators/{foreign.GetProperty("id").GetGuid()}",
            IndicatorBody(null, "1.1", version: foreign.GetProperty("version").GetUInt32()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // ---- measurements and progress ----

    [Fact]
    public async Task Golondrina_reaching_2100_children_and_380_professionals_meets_its_target_of_2480()
    {
        var indicator = await IndicatorAfterAsync("increase", "cumulative", baseline: 0, target: 2480,
            Measurement(Year(2015), 2100, audience: "children"), Measurement(Year(2015), 380, audience: "professionals"));

        var period = Assert.Single(indicator.GetProperty("periods").EnumerateArray());
        Assert.Equal(("2015-01-01", "2015-12-31", 2480m, 2), (
            period.GetProperty("periodStart").GetString(), period.GetProperty("periodEnd").GetString(),
            period.GetProperty("value").GetDecimal(), period.GetProperty("measurements").GetInt32()));
        Assert.Equal((2480m, 1m), ActualAndProgress(indicator));
    }

    [Fact]
    public async Task A_cumulative_indicator_adds_up_its_periods()
    {
        var indicator = await IndicatorAfterAsync("increase", "cumulative", baseline: 0, target: 2480,
            Measurement(Year(2015), 1000), Measurement(new { periodStart = "2016-01-01", periodEnd = "2016-06-30" }, 240));

        Assert.Equal([1000m, 240m], indicator.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("value").GetDecimal()));
        Assert.Equal((1240m, 0.5m), ActualAndProgress(indicator));
    }

    [Fact]
    public async Task A_latest_indicator_takes_the_period_that_ends_last_whatever_the_order_of_recording()
    {
        var indicator = await IndicatorAfterAsync("increase", "latest", baseline: 10, target: 60,
            Measurement(Year(2017), 55), Measurement(Year(2016), 30));

        Assert.Equal((55m, 0.9m), ActualAndProgress(indicator));
    }

    [Fact]
    public async Task A_decreasing_latest_indicator_progresses_as_its_value_falls()
    {
        var indicator = await IndicatorAfterAsync("decrease", "latest", baseline: 40, target: 10, Measurement(Year(2015), 25));

        Assert.Equal((25m, 0.5m), ActualAndProgress(indicator));
    }

    [Fact]
    public async Task A_decreasing_cumulative_indicator_adds_up_its_periods_against_a_lower_target()
    {
        var indicator = await IndicatorAfterAsync("decrease", "cumulative", baseline: 100, target: 20,
            Measurement(Year(2015), 30), Measurement(Year(2016), 30));

        Assert.Equal((60m, 0.5m), ActualAndProgress(indicator));
    }

    [Fact]
    public async Task An_indicator_moving_away_from_its_target_shows_negative_progress_to_four_decimals()
    {
        var indicator = await IndicatorAfterAsync("decrease", "latest", baseline: 40, target: 10, Measurement(Year(2015), 50));

        Assert.Equal((50m, -0.3333m), ActualAndProgress(indicator));
    }

    [Fact]
    public async Task The_framework_lists_objectives_and_indicators_by_code_with_no_actual_before_any_measurement()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var projectId = await CreateProjectAsync(client, "GOLONDRINA");
        var o2 = await CreateObjectiveAsync(client, projectId, "O2");
        var o1 = await CreateObjectiveAsync(client, projectId, "O1");
        await CreateIndicatorAsync(client, projectId, o1, "1.2");
        await CreateIndicatorAsync(client, projectId, o1, "1.1");

        var framework = await client.GetFromJsonAsync<JsonElement>($"/api/projects/{projectId}/results-framework");

        var objectives = framework.GetProperty("objectives").EnumerateArray().ToList();
        Assert.Equal([o1, o2], objectives.Select(o => o.GetProperty("id").GetGuid()));
        Assert.Equal(["1.1", "1.2"], objectives[0].GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
        Assert.Empty(objectives[1].GetProperty("indicators").EnumerateArray());
        var indicator = objectives[0].GetProperty("indicators")[0];
        Assert.Empty(indicator.GetProperty("periods").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, indicator.GetProperty("actual").ValueKind);
        Assert.Equal(JsonValueKind.Null, indicator.GetProperty("progress").ValueKind);
    }

    [Fact]
    public async Task Recording_a_measurement_stores_its_slice_and_who_recorded_it_and_lists_it()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var (projectId, indicatorId) = await IndicatorAsync(client);

        var response = await RecordAsync(client, projectId, indicatorId,
            Measurement(Year(2015), 1200, audience: "children", gender: "female", ageBand: "12-17", country: "co", notes: "Bogotá schools"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/projects/{projectId}/indicators/{indicatorId}/measurements");
        Assert.Equal(1, list.GetProperty("totalCount").GetInt32());
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(("children", "female", "12-17", "CO", "Bogotá schools"), (
            row.GetProperty("audience").GetString(), row.GetProperty("gender").GetString(), row.GetProperty("ageBand").GetString(),
            row.GetProperty("country").GetString(), row.GetProperty("notes").GetString()));
        Assert.Equal(1200m, row.GetProperty("value").GetDecimal());
        Assert.False(string.IsNullOrEmpty(row.GetProperty("recordedBy").GetString()));
        Assert.Equal(row.GetProperty("recordedBy").GetString(), await app.ScalarAsync<string>("SELECT recorded_by FROM projects.measurements"));
    }

    [Fact]
    public async Task Recording_a_measurement_writes_IndicatorMeasured_to_the_outbox_with_the_indicator_definition()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var (projectId, indicatorId) = await IndicatorAsync(client, target: 2480);

        var response = await RecordAsync(client, projectId, indicatorId, Measurement(Year(2015), 2100, audience: "children"));

        var measurementId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var payload = JsonDocument.Parse(await app.ScalarAsync<string>(
            "SELECT payload::text FROM projects.outbox_messages WHERE type LIKE '%IndicatorMeasured%'")).RootElement;
        Assert.Equal((measurementId, indicatorId, projectId), (
            payload.GetProperty("measurementId").GetGuid(), payload.GetProperty("indicatorId").GetGuid(), payload.GetProperty("projectId").GetGuid()));
        Assert.Equal((2100m, 2480m), (payload.GetProperty("value").GetDecimal(), payload.GetProperty("target").GetDecimal()));
        Assert.Equal(1L, await MeasurementCountAsync());
    }

    [Fact]
    public async Task Recording_a_measurement_with_a_negative_value_returns_400_and_writes_nothing()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var (projectId, indicatorId) = await IndicatorAsync(client);

        var response = await RecordAsync(client, projectId, indicatorId, Measurement(Year(2015), -5));

        Assert.Equal(["value"], await ErrorFieldsAsync(response));
        Assert.Equal(0L, await MeasurementCountAsync());
        Assert.Equal(0L, await IndicatorMeasuredCountAsync());
    }

    [Theory]
    [InlineData("2015-12-31", "2015-01-01", 5, "periodEnd")]
    [InlineData("1989-12-31", "1990-01-31", 5, "periodStart")]
    [InlineData("2100-01-01", "2101-01-01", 5, "periodEnd")]
    [InlineData("2015-01-01", "2020-01-01", 5, "periodEnd")]
    [InlineData("2015-01-01", "2015-12-31", 1_000_000_000_001, "value")]
    [InlineData("2015-01-01", "2015-12-31", 0.00001, "value")]
    [InlineData(null, "2015-12-31", 5, "periodStart")]
    public async Task Recording_a_measurement_outside_the_period_or_value_rules_returns_400_on_the_field_and_writes_nothing(
        string? periodStart, string periodEnd, double value, string field)
    {
        var client = await app.ClientAsync(Roles.Staff);
        var (projectId, indicatorId) = await IndicatorAsync(client);

        var response = await RecordAsync(client, projectId, indicatorId, Measurement(new { periodStart, periodEnd }, (decimal)value));

        Assert.Equal([field], await ErrorFieldsAsync(response));
        Assert.Equal(0L, await MeasurementCountAsync());
        Assert.Equal(0L, await IndicatorMeasuredCountAsync());
    }

    [Fact]
    public async Task A_period_of_exactly_five_years_is_accepted()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var (projectId, indicatorId) = await IndicatorAsync(client);

        var response = await RecordAsync(client, projectId, indicatorId, Measurement(new { periodStart = "2015-01-01", periodEnd = "2019-12-31" }, 5));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Recording_a_measurement_with_an_unknown_country_or_missing_value_or_long_notes_returns_400_per_field_and_writes_nothing()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var (projectId, indicatorId) = await IndicatorAsync(client);

        var response = await client.PostAsJsonAsync($"/api/projects/{projectId}/indicators/{indicatorId}/measurements", new
        {
            periodStart = "2015-01-01", periodEnd = "2015-12-31", country = "XX", notes = new string('n', 2001),
        });

        Assert.Equal(["country", "notes", "value"], await ErrorFieldsAsync(response));
        Assert.Equal(0L, await MeasurementCountAsync());
    }

    [Fact]
    public async Task Recording_a_measurement_with_an_unknown_audience_returns_400_and_writes_nothing()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var (projectId, indicatorId) = await IndicatorAsync(client);

        var response = await RecordAsync(client, projectId, indicatorId, Measurement(Year(2015), 5, audience: "aliens"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0L, await MeasurementCountAsync());
    }

    [Fact]
    public async Task Recording_the_same_slice_of_a_period_twice_returns_409_and_writes_nothing_more()
    {
        var response = await RecordAfterAsync(
            Measurement(Year(2015), 2100, audience: "children", ageBand: "12-17"),
            Measurement(Year(2015), 2000, audience: "children", ageBand: "12-17"));

        await AssertConflictWritingNothingAsync(response, "already has a value for children, 12-17");
    }

    [Fact]
    public async Task Recording_a_value_for_everyone_twice_for_one_period_returns_409_and_writes_nothing_more()
    {
        var response = await RecordAfterAsync(Measurement(Year(2015), 2480), Measurement(Year(2015), 2480));

        await AssertConflictWritingNothingAsync(response, "already has a value for everyone");
    }

    [Fact]
    public async Task Recording_a_value_for_everyone_in_a_period_that_has_slices_returns_409_and_writes_nothing()
    {
        var response = await RecordAfterAsync(Measurement(Year(2015), 2100, audience: "children"), Measurement(Year(2015), 2480));

        await AssertConflictWritingNothingAsync(response, "would count them twice");
    }

    [Fact]
    public async Task Recording_a_slice_in_a_period_that_has_a_value_for_everyone_returns_409_and_writes_nothing()
    {
        var response = await RecordAfterAsync(Measurement(Year(2015), 2480), Measurement(Year(2015), 380, audience: "professionals"));

        await AssertConflictWritingNothingAsync(response, "already has one value for everyone");
    }

    [Fact]
    public async Task Recording_a_slice_that_overlaps_another_of_the_period_returns_409_and_writes_nothing()
    {
        // Girls would be in both "children" and "female": the period's sum would count them twice.
        var response = await RecordAfterAsync(Measurement(Year(2015), 2100, audience: "children"), Measurement(Year(2015), 1300, gender: "female"));

        await AssertConflictWritingNothingAsync(response, "overlaps");
    }

    [Fact]
    public async Task Slices_that_partition_a_period_and_a_value_for_everyone_in_another_period_are_accepted()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var (projectId, indicatorId) = await IndicatorAsync(client, target: 5000);

        var statuses = new List<HttpStatusCode>();
        foreach (var body in new[]
        {
            Measurement(Year(2015), 1100, audience: "children", gender: "female"),
            Measurement(Year(2015), 1000, audience: "children", gender: "male"),
            Measurement(Year(2015), 380, audience: "professionals"),
            Measurement(new { periodStart = "2016-01-01", periodEnd = "2016-12-31" }, 2520),
        })
        {
            statuses.Add((await RecordAsync(client, projectId, indicatorId, body)).StatusCode);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Created, status));
        var indicator = await FrameworkIndicatorAsync(client, projectId, "1.1");
        Assert.Equal([2480m, 2520m], indicator.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("value").GetDecimal()));
        Assert.Equal(1m, indicator.GetProperty("progress").GetDecimal());
    }

    [Fact]
    public async Task Recording_a_value_for_everyone_and_a_slice_of_one_period_at_once_keeps_only_one()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var (projectId, indicatorId) = await IndicatorAsync(client);

        var responses = await Task.WhenAll(
            RecordAsync(client, projectId, indicatorId, Measurement(Year(2015), 2480)),
            RecordAsync(client, projectId, indicatorId, Measurement(Year(2015), 2100, audience: "children")));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1L, await MeasurementCountAsync());
        Assert.Equal(1L, await IndicatorMeasuredCountAsync());
    }

    [Fact]
    public async Task Measurements_of_an_indicator_of_another_project_return_404()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var (_, foreignIndicatorId) = await IndicatorAsync(client, projectCode: "REACT");
        var projectId = await CreateProjectAsync(client, "GOLONDRINA");
        var url = $"/api/projects/{projectId}/indicators/{foreignIndicatorId}/measurements";

        var record = await client.PostAsJsonAsync(url, Measurement(Year(2015), 5));
        var list = await client.GetAsync(url);
        var correct = await client.PutAsJsonAsync($"{url}/{Guid.NewGuid()}", new { value = 5, version = 1 });

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], [record.StatusCode, list.StatusCode, correct.StatusCode]);
        Assert.StartsWith("Indicator '", await DetailAsync(record));
        Assert.Equal(0L, await MeasurementCountAsync());
    }

    [Fact]
    public async Task Correcting_a_measurement_changes_the_value_and_publishes_IndicatorMeasured_again_with_the_same_measurement_id()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var (projectId, indicatorId) = await IndicatorAsync(client, target: 2480);
        var recorded = await (await RecordAsync(client, projectId, indicatorId, Measurement(Year(2015), 2000, audience: "children")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var measurementId = recorded.GetProperty("id").GetGuid();

        var response = await client.PutAsJsonAsync($"/api/projects/{projectId}/indicators/{indicatorId}/measurements/{measurementId}",
            new { value = 2100, notes = "Recounted from the school lists", version = recorded.GetProperty("version").GetUInt32() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var corrected = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2100m, "children"), (corrected.GetProperty("value").GetDecimal(), corrected.GetProperty("audience").GetString()));
        Assert.Equal(2L, await app.ScalarAsync<long>(
            "SELECT count(*) FROM projects.outbox_messages WHERE type LIKE '%IndicatorMeasured%' AND payload ->> 'measurementId' = $1",
            measurementId.ToString()));
        Assert.Equal(2100m, await app.ScalarAsync<decimal>(
            "SELECT (payload ->> 'value')::numeric FROM projects.outbox_messages WHERE type LIKE '%IndicatorMeasured%' ORDER BY id DESC LIMIT 1"));
        Assert.Equal(2100m, (await FrameworkIndicatorAsync(client, projectId, "1.1")).GetProperty("actual").GetDecimal());
    }

    [Fact]
    public async Task Correcting_a_measurement_with_a_stale_version_returns_409_and_neither_changes_it_nor_publishes()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var (projectId, indicatorId) = await IndicatorAsync(client);
        var recorded = await (await RecordAsync(client, projectId, indicatorId, Measurement(Year(2015), 2000)))
            .Content.ReadFromJsonAsync<JsonElement>();
        var url = $"/api/projects/{projectId}/indicators/{indicatorId}/measurements/{recorded.GetProperty("id").GetGuid()}";
        var readVersion = recorded.GetProperty("version").GetUInt32();
        await client.PutAsJsonAsync(url, new { value = 2100, version = readVersion });

        var stale = await client.PutAsJsonAsync(url, new { value = 1, version = readVersion });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(2100m, await app.ScalarAsync<decimal>("SELECT value FROM projects.measurements"));
        Assert.Equal(2L, await IndicatorMeasuredCountAsync());
    }

    [Fact]
    public async Task Correcting_a_measurement_to_a_negative_value_or_without_version_returns_400_and_publishes_nothing()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var (projectId, indicatorId) = await IndicatorAsync(client);
        var recorded = await (await RecordAsync(client, projectId, indicatorId, Measurement(Year(2015), 2000)))
            .Content.ReadFromJsonAsync<JsonElement>();

        var response = await client.PutAsJsonAsync(
            $"/api/projects/{projectId}/indicators/{indicatorId}/measurements/{recorded.GetProperty("id").GetGuid()}", new { value = -1 });

        Assert.Equal(["value", "version"], await ErrorFieldsAsync(response));
        Assert.Equal(2000m, await app.ScalarAsync<decimal>("SELECT value FROM projects.measurements"));
        Assert.Equal(1L, await IndicatorMeasuredCountAsync());
    }

    [Fact]
    public async Task Correcting_an_unknown_measurement_returns_404()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var (projectId, indicatorId) = await IndicatorAsync(client);

        var response = await client.PutAsJsonAsync($"/api/projects/{projectId}/indicators/{indicatorId}/measurements/{Guid.NewGuid()}",
            new { value = 5, version = 1 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("Measurement '", await DetailAsync(response));
    }

    // ---- helpers ----

    private Task<long> MeasurementCountAsync() => app.ScalarAsync<long>("SELECT count(*) FROM projects.measurements");

    private Task<long> IndicatorMeasuredCountAsync() =>
        app.ScalarAsync<long>("SELECT count(*) FROM projects.outbox_messages WHERE type LIKE '%IndicatorMeasured%'");

    /// <summary>The framework's view of a new indicator 1.1 after recording <paramref name="measurements"/>.</summary>
    private async Task<JsonElement> IndicatorAfterAsync(
        string direction, string aggregation, decimal baseline, decimal target, params object[] measurements)
    {
        var client = await app.ClientAsync(Roles.Staff);
        var (projectId, indicatorId) = await IndicatorAsync(client, direction, aggregation, baseline, target);
        foreach (var measurement in measurements)
        {
            Assert.Equal(HttpStatusCode.Created, (await RecordAsync(client, projectId, indicatorId, measurement)).StatusCode);
        }
        return await FrameworkIndicatorAsync(client, projectId, "1.1");
    }

    private static (decimal? Actual, decimal? Progress) ActualAndProgress(JsonElement indicator) =>
        (indicator.GetProperty("actual").GetDecimal(), indicator.GetProperty("progress").GetDecimal());

    /// <summary>Records <paramref name="first"/> on a new indicator, then answers <paramref name="second"/>.</summary>
    private async Task<HttpResponseMessage> RecordAfterAsync(object first, object second)
    {
        var client = await app.ClientAsync(Roles.Staff);
        var (projectId, indicatorId) = await IndicatorAsync(client);
        Assert.Equal(HttpStatusCode.Created, (await RecordAsync(client, projectId, indicatorId, first)).StatusCode);
        return await RecordAsync(client, projectId, indicatorId, second);
    }

    /// <summary>409 with a detail that says why, and only the first measurement and its event written.</summary>
    private async Task AssertConflictWritingNothingAsync(HttpResponseMessage response, string why)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(why, await DetailAsync(response));
        Assert.Equal(1L, await MeasurementCountAsync());
        Assert.Equal(1L, await IndicatorMeasuredCountAsync());
    }

    private static object Year(int year) => new { periodStart = $"{year}-01-01", periodEnd = $"{year}-12-31" };

    private static async Task<Guid> CreateObjectiveAsync(HttpClient client, Guid projectId, string code)
    {
        var response = await client.PostAsJsonAsync($"/api/projects/{projectId}/objectives", new { code, title = $"Objective {code}" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> CreateIndicatorAsync(
        HttpClient client, Guid projectId, Guid objectiveId, string code,
        string direction = "increase", string aggregation = "cumulative", decimal baseline = 0, decimal target = 2480, string unit = "people")
    {
        var response = await client.PostAsJsonAsync($"/api/projects/{projectId}/indicators",
            IndicatorBody(objectiveId, code, direction, aggregation, baseline, target, unit));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A project with objective O1 and its indicator 1.1.</summary>
    private static async Task<(Guid ProjectId, Guid IndicatorId)> IndicatorAsync(
        HttpClient client, string direction = "increase", string aggregation = "cumulative", decimal baseline = 0, decimal target = 2480,
        string unit = "people", string projectCode = "GOLONDRINA")
    {
        var projectId = await CreateProjectAsync(client, projectCode);
        var indicator = await CreateIndicatorAsync(
            client, projectId, await CreateObjectiveAsync(client, projectId, "O1"), "1.1", direction, aggregation, baseline, target, unit);
        return (projectId, indicator.GetProperty("id").GetGuid());
    }

    private static object IndicatorBody(
        Guid? objectiveId, string code, string direction = "increase", string aggregation = "cumulative",
        decimal baseline = 0, decimal target = 2480, string unit = "people", uint? version = null) => new
    {
        objectiveId, code, name = $"Indicator {code}", unit, direction, aggregation, baseline, target, frequency = "annual", version,
    };

    private static Dictionary<string, object?> Measurement(
        object period, decimal value, string? audience = null, string? gender = null, string? ageBand = null, string? country = null,
        string? notes = null)
    {
        var body = JsonSerializer.SerializeToElement(period).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        body["value"] = value;
        body["audience"] = audience;
        body["gender"] = gender;
        body["ageBand"] = ageBand;
        body["country"] = country;
        body["notes"] = notes;
        return body;
    }

    private static Task<HttpResponseMessage> RecordAsync(HttpClient client, Guid projectId, Guid indicatorId, object body) =>
        client.PostAsJsonAsync($"/api/projects/{projectId}/indicators/{indicatorId}/measurements", body);

    private static async Task<JsonElement> FrameworkIndicatorAsync(HttpClient client, Guid projectId, string code)
    {
        var framework = await client.GetFromJsonAsync<JsonElement>($"/api/projects/{projectId}/results-framework");
        return framework.GetProperty("objectives").EnumerateArray()
            .SelectMany(o => o.GetProperty("indicators").EnumerateArray())
            .Single(i => i.GetProperty("code").GetString() == code);
    }
}
