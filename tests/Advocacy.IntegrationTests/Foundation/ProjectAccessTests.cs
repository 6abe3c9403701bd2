using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Events;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Foundation;

/// <summary>
/// Per-project access (ADR 0016): staff read and write only the projects they are assigned to, managers and
/// admins all of them, and admins manage the assignments.
/// </summary>
public sealed class ProjectAccessTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<string> UserIdAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetString()!;

    private static async Task<Guid> LogAsync(HttpClient client, Guid projectId, string title) =>
        (await (await client.PostAsJsonAsync($"/api/projects/{projectId}/activities", new { type = "training", date = "2016-03-01", title }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    /// <summary>Staff and a manager, ReACT created by staff (so theirs) and Mario created by the manager.</summary>
    private async Task<(HttpClient Staff, HttpClient Manager, Guid Mine, Guid Theirs)> TwoProjectsAsync()
    {
        var staff = await app.ClientAsync(Roles.Staff);
        var manager = await app.ClientAsync(Roles.Manager);
        return (staff, manager, await Api.CreateProjectAsync(staff, "REACT", "2015-01-01"), await Api.CreateProjectAsync(manager, "MARIO", "2015-01-01"));
    }

    [Fact]
    public async Task Staff_see_and_change_only_their_projects_while_managers_see_every_one()
    {
        var (staff, manager, mine, theirs) = await TwoProjectsAsync();
        var myActivity = await LogAsync(staff, mine, "Training of guardians");
        var theirActivity = await LogAsync(manager, theirs, "Training of border police");

        var listed = await staff.GetFromJsonAsync<JsonElement>("/api/projects");
        Assert.Equal(["REACT"], listed.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).ToArray());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/projects/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/activities/{theirActivity}")).StatusCode);
        var activities = await staff.GetFromJsonAsync<JsonElement>("/api/activities");
        Assert.Equal([myActivity], activities.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToArray());

        var writes = new[]
        {
            await staff.PostAsJsonAsync($"/api/projects/{theirs}/activities", new { type = "training", date = "2016-03-02", title = "Not mine" }),
            await staff.PutAsJsonAsync($"/api/activities/{theirActivity}", new { type = "training", date = "2016-03-01", title = "Renamed", version = 1 }),
            await staff.DeleteAsync($"/api/activities/{theirActivity}"),
        };
        Assert.All(writes, w => Assert.Equal(HttpStatusCode.NotFound, w.StatusCode));
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.activities WHERE project_id = $1 AND deleted_at IS NULL", theirs));
        Assert.Equal("Training of border police", await app.ScalarAsync<string>("SELECT title FROM projects.activities WHERE id = $1", theirActivity));

        var everything = await manager.GetFromJsonAsync<JsonElement>("/api/projects");
        Assert.Equal(2, everything.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/activities/{myActivity}")).StatusCode);
    }

    [Fact]
    public async Task Reports_figures_dashboards_and_donor_reports_cover_a_staff_members_projects_only()
    {
        var (staff, manager, mine, theirs) = await TwoProjectsAsync();
        await LogAsync(staff, mine, "Training of guardians");
        await LogAsync(manager, theirs, "Training of border police");
        await Eventually.Get(async () =>
            (await manager.GetFromJsonAsync<JsonElement>("/api/reports/dashboards/organisation")).GetProperty("topLine").GetProperty("activities").GetInt32() == 2
                ? "settled" : null, "both activities in Reports");

        var staffView = await staff.GetFromJsonAsync<JsonElement>("/api/reports/dashboards/organisation");
        Assert.Equal(1, staffView.GetProperty("projects").GetInt32());
        Assert.Equal(1, staffView.GetProperty("topLine").GetProperty("activities").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/reports/dashboards/projects/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/reports/dashboards/projects/{mine}")).StatusCode);

        var forTheirs = await staff.PostAsJsonAsync("/api/donor-reports", new { title = "Mario 2016", projectId = theirs, from = "2016-01-01", to = "2016-12-31" });
        Assert.Equal(["projectId"], await Api.ErrorFieldsAsync(forTheirs));
        var forADonor = await staff.PostAsJsonAsync("/api/donor-reports", new { title = "EU 2016", donor = "European Commission", from = "2016-01-01", to = "2016-12-31" });
        Assert.Equal(HttpStatusCode.Forbidden, forADonor.StatusCode);
        var managers = await (await manager.PostAsJsonAsync("/api/donor-reports", new { title = "Mario 2016", projectId = theirs, from = "2016-01-01", to = "2016-12-31" }))
            .JsonAsync(HttpStatusCode.Created);
        var reportId = managers.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/donor-reports/{reportId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/donor-reports/{reportId}/export?format=csv&section=activities")).StatusCode);
        Assert.Equal(0, (await staff.GetFromJsonAsync<JsonElement>("/api/donor-reports")).GetProperty("items").GetArrayLength());
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM reports.donor_reports"));
    }

    [Fact]
    public async Task Staff_link_events_to_their_own_projects_and_leave_others_links_alone()
    {
        var (staff, manager, mine, theirs) = await TwoProjectsAsync();
        await Eventually.Get(async () => await app.ScalarAsync<long>("SELECT count(*) FROM events.known_projects") == 2 ? "known" : null, "both projects in Events");

        var refused = await staff.PostAsJsonAsync("/api/events", EventApi.Training("2016-05-10").With($$"""{"projectIds":["{{theirs}}"]}"""));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(theirs.ToString(), await Api.DetailAsync(refused));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM events.events"));

        // A manager links both; staff may still edit the event, keeping the other project's link as it is.
        var shared = await EventApi.PlanAsync(manager, EventApi.Training("2016-05-10").With($$"""{"projectIds":["{{mine}}","{{theirs}}"]}"""));
        var edit = EventApi.Training("2016-05-11").With($$"""{"projectIds":["{{mine}}","{{theirs}}"],"version":{{shared.GetProperty("version").GetUInt32()}}}""");
        var kept = await (await staff.PutAsJsonAsync($"/api/events/{shared.GetProperty("id").GetGuid()}", edit)).JsonAsync(HttpStatusCode.OK);
        var unlink = EventApi.Training("2016-05-11").With($$"""{"projectIds":["{{mine}}"],"version":{{kept.GetProperty("version").GetUInt32()}}}""");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync($"/api/events/{shared.GetProperty("id").GetGuid()}", unlink)).StatusCode);
        Assert.Equal(2, (await manager.GetFromJsonAsync<JsonElement>($"/api/events/{shared.GetProperty("id").GetGuid()}")).GetProperty("projectIds").GetArrayLength());
    }

    [Fact]
    public async Task An_admin_assigns_a_staff_member_to_a_project_which_they_reach_from_their_next_request()
    {
        var staff = await app.ClientAsync(Roles.Staff);
        var manager = await app.ClientAsync(Roles.Manager);
        var admin = await app.ClientAsync(Roles.Admin);
        var staffId = await UserIdAsync(staff);
        var theirs = await Api.CreateProjectAsync(manager, "MARIO", "2015-01-01");
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/projects/{theirs}")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutAsJsonAsync($"/api/admin/users/{staffId}/projects", new { projectIds = new[] { theirs } })).StatusCode);
        var assigned = await (await admin.PutAsJsonAsync($"/api/admin/users/{staffId}/projects", new { projectIds = new[] { theirs } })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("MARIO", assigned[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/projects/{theirs}")).StatusCode);
        await LogAsync(staff, theirs, "Training of guardians");

        await (await admin.PutAsJsonAsync($"/api/admin/users/{staffId}/projects", new { projectIds = Array.Empty<Guid>() })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/projects/{theirs}")).StatusCode);

        var unknown = await admin.PutAsJsonAsync($"/api/admin/users/{staffId}/projects", new { projectIds = new[] { Guid.NewGuid() } });
        Assert.Equal(["projectIds"], await Api.ErrorFieldsAsync(unknown));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/admin/users/nobody/projects", new { projectIds = new[] { theirs } })).StatusCode);
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.project_assignments WHERE project_id = $1", theirs));
    }

    [Fact]
    public async Task Admins_list_users_create_them_under_the_password_policy_and_change_their_role()
    {
        var admin = await app.ClientAsync(Roles.Admin);
        var staff = await app.ClientAsync(Roles.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/admin/users")).StatusCode);

        var email = $"ana.{Guid.NewGuid():N}@ecpat.example";
        var weak = await admin.PostAsJsonAsync("/api/admin/users", new { email, password = "short", role = "staff" });
        Assert.Equal(["password"], await Api.ErrorFieldsAsync(weak));
        var badRole = await admin.PostAsJsonAsync("/api/admin/users", new { email, password = "A-long-enough-passphrase-2026", role = "owner" });
        Assert.Equal(["role"], await Api.ErrorFieldsAsync(badRole));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM identity.\"AspNetUsers\" WHERE email = $1", email));

        var created = await (await admin.PostAsJsonAsync("/api/admin/users", new { email, password = "A-long-enough-passphrase-2026", role = "staff" }))
            .JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        var promoted = await (await admin.PutAsJsonAsync($"/api/admin/users/{id}/role", new { role = "manager" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("manager", promoted.GetProperty("role").GetString());
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users");
        Assert.Equal("manager", users.EnumerateArray().Single(u => u.GetProperty("email").GetString() == email).GetProperty("role").GetString());

        var token = await app.TokenAsync(email, "A-long-enough-passphrase-2026");
        using var newcomer = app.CreateClient();
        newcomer.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/api/projects")).StatusCode);
    }
}
