using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using static Advocacy.IntegrationTests.Advocacy.AdvocacyKit;

namespace Advocacy.IntegrationTests.Advocacy;

/// <summary>"My follow-ups due" and "commitments overdue", counted from today.</summary>
public sealed class DueWorkTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A meeting a month ago with follow-ups and commitments due around today, in two projects.</summary>
    private async Task<(HttpClient Staff, HttpClient Manager, Guid Mario, Guid React, Guid MarioMeeting)> WorkAsync()
    {
        var staff = await app.ClientAsync(Roles.Staff);
        var manager = await app.ClientAsync(Roles.Manager);
        var me = await MeAsync(staff);
        var colleague = await MeAsync(manager);
        var mario = await Api.CreateProjectAsync(staff, "MARIO", "2014-01-01");
        var react = await Api.CreateProjectAsync(staff, "REACT", "2015-01-01");
        var commission = await StakeholderIdAsync(staff, "European Commission");
        var meetingDate = Today.AddDays(-30).Iso();

        async Task<Guid> MeetingAsync(Guid project, string title, object[] commitments, object[] followUps)
        {
            var activity = await ActivityAsync(staff, project, date: meetingDate, title: title);
            await (await staff.PostAsJsonAsync($"/api/activities/{activity}/outcome", new
            {
                stakeholders = new[] { new { stakeholderId = commission, response = "supportive" } }, commitments, followUps,
            })).JsonAsync(HttpStatusCode.Created);
            return activity;
        }

        var marioMeeting = await MeetingAsync(mario, "Mario meeting",
            [
                new { text = "Overdue promise", stakeholderId = commission, dueDate = Today.AddDays(-1).Iso() },
                new { text = "Promise due next month", stakeholderId = commission, dueDate = Today.AddDays(30).Iso() },
                new { text = "Promise without a date", stakeholderId = commission },
            ],
            [
                new { action = "My overdue follow-up", ownerUserId = me, dueDate = Today.AddDays(-5).Iso() },
                new { action = "My follow-up this week", ownerUserId = me, dueDate = Today.AddDays(3).Iso() },
                new { action = "My follow-up next month", ownerUserId = me, dueDate = Today.AddDays(30).Iso() },
                new { action = "A colleague's overdue follow-up", ownerUserId = colleague, dueDate = Today.AddDays(-2).Iso() },
            ]);
        await MeetingAsync(react, "ReACT meeting",
            [
                new { text = "Overdue ReACT promise", stakeholderId = commission, dueDate = Today.AddDays(-10).Iso() },
                new { text = "Kept ReACT promise", stakeholderId = commission, dueDate = Today.AddDays(-20).Iso() },
            ],
            [
                new { action = "My ReACT follow-up, done", ownerUserId = me, dueDate = Today.AddDays(-3).Iso(), done = true },
                new { action = "My ReACT follow-up this week", ownerUserId = me, dueDate = Today.Iso() },
            ]);
        var kept = (await staff.GetFromJsonAsync<JsonElement>("/api/commitments?status=made")).GetProperty("items").EnumerateArray()
            .Single(c => c.GetProperty("text").GetString() == "Kept ReACT promise");
        await (await staff.PostAsJsonAsync($"/api/commitments/{kept.GetProperty("id").GetGuid()}/status", new
        {
            status = "fulfilled", changedOn = Today.AddDays(-15).Iso(), evidence = "Announced in parliament.", version = kept.GetProperty("version").GetUInt32(),
        })).JsonAsync(HttpStatusCode.OK);
        return (staff, manager, mario, react, marioMeeting);
    }

    private static async Task<string[]> ListAsync(HttpClient client, string url, string field) =>
        (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty(field).GetString()!).ToArray();

    [Fact]
    public async Task My_follow_ups_due_are_my_open_ones_overdue_or_due_this_week_soonest_first()
    {
        var (staff, manager, mario, _, _) = await WorkAsync();

        Assert.Equal(["My overdue follow-up"], await ListAsync(staff, "/api/follow-ups?owner=me&due=overdue", "action"));
        Assert.Equal(["My ReACT follow-up this week", "My follow-up this week"], await ListAsync(staff, "/api/follow-ups?owner=me&due=week", "action"));
        Assert.Equal(["My overdue follow-up", "My ReACT follow-up this week", "My follow-up this week", "My follow-up next month"],
            await ListAsync(staff, "/api/follow-ups?owner=me", "action"));
        Assert.Equal(["A colleague's overdue follow-up"], await ListAsync(manager, "/api/follow-ups?owner=me&due=overdue", "action"));
        Assert.Equal(["My overdue follow-up", "A colleague's overdue follow-up"], await ListAsync(staff, "/api/follow-ups?due=overdue", "action"));
        Assert.Equal(["My follow-up this week"], await ListAsync(staff, $"/api/follow-ups?owner=me&due=week&projectId={mario}", "action"));
        var page = await staff.GetFromJsonAsync<JsonElement>("/api/follow-ups?owner=me&pageSize=1&page=2");
        Assert.Equal((4, "My ReACT follow-up this week"), (page.GetProperty("totalCount").GetInt32(), page.GetProperty("items")[0].GetProperty("action").GetString()));
        Assert.Equal(["due"], await Api.ErrorFieldsAsync(await staff.GetAsync("/api/follow-ups?due=soon")));
    }

    [Fact]
    public async Task Commitments_overdue_are_those_past_due_and_neither_fulfilled_nor_broken()
    {
        var (staff, _, mario, react, marioMeeting) = await WorkAsync();

        Assert.Equal(["Overdue ReACT promise", "Overdue promise"], await ListAsync(staff, "/api/commitments?overdue=true", "text"));
        Assert.All((await staff.GetFromJsonAsync<JsonElement>("/api/commitments?overdue=true")).GetProperty("items").EnumerateArray(),
            c => Assert.True(c.GetProperty("overdue").GetBoolean()));
        Assert.Equal(["Overdue promise"], await ListAsync(staff, $"/api/commitments?overdue=true&projectId={mario}", "text"));
        Assert.Equal(["Kept ReACT promise", "Promise due next month", "Promise without a date"], await ListAsync(staff, "/api/commitments?overdue=false", "text"));
        Assert.Equal(["Kept ReACT promise"], await ListAsync(staff, "/api/commitments?status=fulfilled", "text"));
        Assert.Equal(["Overdue ReACT promise"], await ListAsync(staff, $"/api/commitments?status=made&overdue=true&projectId={react}", "text"));
        Assert.Equal("Mario meeting", (await staff.GetFromJsonAsync<JsonElement>($"/api/commitments?overdue=true&projectId={mario}"))
            .GetProperty("items")[0].GetProperty("activityTitle").GetString());
        Assert.Equal(["status"], await Api.ErrorFieldsAsync(await staff.GetAsync("/api/commitments?status=promised")));

        Assert.Equal(HttpStatusCode.NoContent, (await staff.DeleteAsync($"/api/activities/{marioMeeting}")).StatusCode);
        Assert.Equal(["Overdue ReACT promise"], await ListAsync(staff, "/api/commitments?overdue=true", "text"));
        Assert.Equal(["My ReACT follow-up this week"], await ListAsync(staff, "/api/follow-ups?owner=me", "action"));
    }
}
