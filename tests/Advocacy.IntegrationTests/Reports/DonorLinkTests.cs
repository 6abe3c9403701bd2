using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.Modules.Projects.Contracts;

namespace Advocacy.IntegrationTests.Reports;

/// <summary>
/// Donor links show a project's figures from approved periods to someone with no account, until they
/// expire or are revoked; donor reports say whether their figures are approved.
/// </summary>
public sealed class DonorLinkTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    private const string SecretTitle = "Meeting with Ms Janssens about her daughter's case";
    private HttpClient _staff = null!;
    private HttpClient _manager = null!;
    private Guid _project;
    private readonly Guid _firstHalf = Guid.NewGuid();

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        _staff = await app.ClientAsync(Roles.Staff);
        _manager = await app.ClientAsync(Roles.Manager);
        _project = await Api.CreateProjectAsync(_staff, "REACT");
        foreach (var (date, title, reach) in new[] { ("2019-02-10", SecretTitle, 4), ("2019-05-03", "Training of guardians", 20), ("2019-09-15", "Not approved yet", 100) })
        {
            await (await _staff.PostAsJsonAsync($"/api/projects/{_project}/activities", new
            {
                type = "training", date, title, reach = new[] { new { audience = "professionals", count = reach } },
            })).JsonAsync(HttpStatusCode.Created);
        }
        await Eventually.Get(async () =>
        {
            var dashboard = await _manager.GetFromJsonAsync<JsonElement>($"/api/reports/dashboards/projects/{_project}");
            return dashboard.GetProperty("topLine").GetProperty("activities").GetInt32() == 3 ? (object)dashboard : null;
        }, "the three activities in Reports");
        await ApproveAsync(_firstHalf, "2019-01-01", "2019-06-30", DateTimeOffset.UtcNow);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task ApproveAsync(Guid periodId, string from, string to, DateTimeOffset at) =>
        ConsumedProbe.PublishAndWaitAsync(app.Services,
            new ReportingPeriodApproved(periodId, _project, DateOnly.Parse(from), DateOnly.Parse(to), at), "Reports");

    private async Task<JsonElement> CreateLinkAsync(int days = 30) =>
        await (await _manager.PostAsJsonAsync($"/api/reports/projects/{_project}/donor-links", new { label = "European Commission", validForDays = days }))
            .JsonAsync(HttpStatusCode.Created);

    [Fact]
    public async Task A_donor_link_shows_only_approved_figures_and_nothing_about_people_to_someone_without_an_account()
    {
        var link = await CreateLinkAsync();
        var anonymous = app.CreateClient();

        var response = await anonymous.GetAsync(link.GetProperty("apiUrl").GetString());
        var body = await response.Content.ReadAsStringAsync();
        var figures = await response.JsonAsync(HttpStatusCode.OK);

        Assert.Equal((2, 24), (figures.GetProperty("topLine").GetProperty("activities").GetInt32(), figures.GetProperty("topLine").GetProperty("reach").GetInt32()));
        Assert.Equal("2019-06-30", figures.GetProperty("approvedPeriods")[0].GetProperty("to").GetString());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.DoesNotContain("Janssens", body);
        Assert.DoesNotContain("@demo.advocacy.local", body);
        Assert.DoesNotContain("Training of guardians", body);

        var page = await anonymous.GetAsync(link.GetProperty("pageUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<th scope=\"row\">People reached</th><td>24</td>", html);
        Assert.DoesNotContain("Janssens", html);
    }

    [Fact]
    public async Task An_unlocked_period_leaves_the_link_and_a_second_approval_brings_it_back()
    {
        var link = await CreateLinkAsync();
        var anonymous = app.CreateClient();
        var later = DateTimeOffset.UtcNow.AddMinutes(1);

        await ConsumedProbe.PublishAndWaitAsync(app.Services,
            new ReportingPeriodUnlocked(_firstHalf, _project, new DateOnly(2019, 1, 1), new DateOnly(2019, 6, 30), "Wrong reach", later), "Reports");
        var unlocked = await anonymous.GetFromJsonAsync<JsonElement>(link.GetProperty("apiUrl").GetString());
        Assert.Equal(0, unlocked.GetProperty("topLine").GetProperty("activities").GetInt32());
        Assert.Equal(0, unlocked.GetProperty("approvedPeriods").GetArrayLength());

        // An approval older than the unlock, arriving late, changes nothing.
        await ApproveAsync(_firstHalf, "2019-01-01", "2019-06-30", later.AddSeconds(-30));
        Assert.Equal(0, (await anonymous.GetFromJsonAsync<JsonElement>(link.GetProperty("apiUrl").GetString())).GetProperty("topLine").GetProperty("activities").GetInt32());

        await ApproveAsync(_firstHalf, "2019-01-01", "2019-06-30", later.AddMinutes(1));
        await ApproveAsync(Guid.NewGuid(), "2019-07-01", "2019-12-31", later.AddMinutes(1));
        Assert.Equal(3, (await anonymous.GetFromJsonAsync<JsonElement>(link.GetProperty("apiUrl").GetString())).GetProperty("topLine").GetProperty("activities").GetInt32());
    }

    [Fact]
    public async Task An_expired_revoked_or_unknown_link_gets_404_and_says_nothing_more()
    {
        var expired = await CreateLinkAsync();
        var revoked = await CreateLinkAsync();
        var anonymous = app.CreateClient();
        await using (var connection = await app.OpenAsync())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE reports.donor_links SET expires_at = now() - interval '1 second' WHERE id = @id";
            command.Parameters.AddWithValue("id", expired.GetProperty("link").GetProperty("id").GetGuid());
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        var revokeUrl = $"/api/reports/projects/{_project}/donor-links/{revoked.GetProperty("link").GetProperty("id").GetGuid()}/revoke";
        Assert.Equal(HttpStatusCode.Forbidden, (await _staff.PostAsync(revokeUrl, null)).StatusCode);
        var afterRevoke = await (await _manager.PostAsync(revokeUrl, null)).JsonAsync(HttpStatusCode.OK);
        Assert.False(afterRevoke.GetProperty("live").GetBoolean());

        var details = new List<string>();
        foreach (var url in new[] { expired.GetProperty("apiUrl").GetString(), revoked.GetProperty("apiUrl").GetString(), "/api/public/donor-links/not-a-token" })
        {
            details.Add(await Api.DetailAsync(await anonymous.GetAsync(url)));
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        }
        Assert.Single(details.Distinct());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(revoked.GetProperty("pageUrl").GetString())).StatusCode);
        var links = await _manager.GetFromJsonAsync<JsonElement>($"/api/reports/projects/{_project}/donor-links");
        Assert.All(links.EnumerateArray(), l => Assert.False(l.TryGetProperty("token", out _)));
    }

    [Fact]
    public async Task Only_managers_create_links_and_bad_input_gets_400()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _staff.PostAsJsonAsync($"/api/reports/projects/{_project}/donor-links", new { label = "x", validForDays = 5 })).StatusCode);
        Assert.Equal(["label", "validForDays"], await Api.ErrorFieldsAsync(
            await _manager.PostAsJsonAsync($"/api/reports/projects/{_project}/donor-links", new { label = "", validForDays = 1000 })));
        await (await _manager.PostAsJsonAsync($"/api/reports/projects/{Guid.NewGuid()}/donor-links", new { label = "x", validForDays = 5 })).JsonAsync(HttpStatusCode.NotFound);
        Assert.Empty((await _manager.GetFromJsonAsync<JsonElement>($"/api/reports/projects/{_project}/donor-links")).EnumerateArray());
    }

    [Fact]
    public async Task A_donor_report_says_whether_its_figures_come_from_approved_periods()
    {
        async Task<bool> ApprovedAsync(string from, string to)
        {
            var report = await (await _staff.PostAsJsonAsync("/api/donor-reports", new { title = $"{from} {to}", projectId = _project, from, to }))
                .JsonAsync(HttpStatusCode.Created);
            var content = (await _staff.GetFromJsonAsync<JsonElement>($"/api/donor-reports/{report.GetProperty("id").GetGuid()}")).GetProperty("content");
            return content.GetProperty("fromApprovedPeriods").GetBoolean();
        }

        Assert.True(await ApprovedAsync("2019-01-01", "2019-06-30"));
        Assert.True(await ApprovedAsync("2019-03-01", "2019-04-30"));
        Assert.False(await ApprovedAsync("2019-01-01", "2019-12-31"));
        await ApproveAsync(Guid.NewGuid(), "2019-07-01", "2019-12-31", DateTimeOffset.UtcNow);
        Assert.True(await ApprovedAsync("2019-01-01", "2019-12-31"));
    }
}
