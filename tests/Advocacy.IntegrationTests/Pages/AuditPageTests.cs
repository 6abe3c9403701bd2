using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Advocacy;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Pages;

/// <summary>The audit page: admins read every module's writes with their values before and after; nobody else may open it.</summary>
public sealed class AuditPageTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>
{
    /// <summary>An activity logged then renamed by staff; returns its id and the staff user's id.</summary>
    private async Task<(Guid Activity, string Staff)> RenamedActivityAsync()
    {
        var staff = await app.ClientAsync(Roles.Staff);
        var projectId = await Api.CreateProjectAsync(staff, $"AUDIT-{Guid.NewGuid():N}"[..12], "2015-01-01");
        var logged = await (await staff.PostAsJsonAsync($"/api/projects/{projectId}/activities",
            new { type = "training", date = "2016-03-01", title = "Training of guardians" })).JsonAsync(HttpStatusCode.Created);
        var id = logged.GetProperty("id").GetGuid();
        await (await staff.PutAsJsonAsync($"/api/activities/{id}", new
        {
            type = "training", date = "2016-03-01", title = "Training of guardians in Brussels", version = logged.GetProperty("version").GetUInt32(),
        })).JsonAsync(HttpStatusCode.OK);
        return (id, await AdvocacyKit.MeAsync(staff));
    }

    [Fact]
    public async Task An_admin_finds_an_edit_by_record_and_user_with_its_values_before_and_after()
    {
        var (activity, staffId) = await RenamedActivityAsync();
        using var admin = await PageClient.SignInAsync(app, Roles.Admin);

        var html = WebUtility.HtmlDecode(await admin.GetAsync($"/admin/audit?entity=Activity&entityId={activity}&userId={staffId}"));

        Assert.Matches("<a href=\"/admin/audit\"[^>]*>Audit trail</a>", html);
        Assert.Contains("Entries found (2)", html);
        Assert.Contains("Modified", html);
        Assert.Contains("Added", html);
        Assert.Contains($"PUT /api/activities/{activity}", html);
        Assert.Contains("\"title\": \"Training of guardians\"", html);
        Assert.Contains("\"title\": \"Training of guardians in Brussels\"", html);

        var manager = await AdvocacyKit.MeAsync(await app.ClientAsync(Roles.Manager));
        Assert.Contains("No entry found.", await admin.GetAsync($"/admin/audit?entity=Activity&entityId={activity}&userId={manager}"));
        var days = await admin.GetAsync($"/admin/audit?entity=Activity&entityId={activity}&from=2000-01-01&to=2000-12-31");
        Assert.Contains("No entry found.", days);
    }

    [Fact]
    public async Task Filters_the_endpoint_refuses_show_its_message_and_no_entries()
    {
        using var admin = await PageClient.SignInAsync(app, Roles.Admin);

        var html = WebUtility.HtmlDecode(await admin.GetAsync("/admin/audit?from=2026-03-02&to=2026-03-01"));

        Assert.True(html.Contains("id=\"error-summary\""), html[html.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.True(html.Contains("'to' must not be before 'from'."), html[html.IndexOf("<main", StringComparison.Ordinal)..][..1500]);
        Assert.Contains("No entry found.", html);
    }

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Manager)]
    public async Task Staff_and_managers_are_refused_and_have_no_link_to_it(string role)
    {
        using var user = await PageClient.SignInAsync(app, role);

        var refused = await user.Http.GetAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/error/403", refused.Headers.Location!.OriginalString.Replace("http://localhost", ""));
        Assert.DoesNotContain("/admin/audit", await user.GetAsync("/projects"));
    }
}
