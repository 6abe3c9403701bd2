using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Coalitions;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Flows;

/// <summary>
/// End to end: a coalition meeting attended for us and a statement we signed, recorded in Coalitions
/// and linked to a project, become advocacy activities in that project's log in Projects.
/// </summary>
public sealed class CoalitionWorkToActivityFlowTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static Task<List<JsonElement>> LogWhenAsync(HttpClient client, Guid projectId, Func<List<JsonElement>, bool> condition, string what) =>
        Eventually.Get(async () =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/activities?projectId={projectId}&sort=date")).GetProperty("items")
                .EnumerateArray().ToList() is var log && condition(log) ? log : null, what);

    [Fact]
    public async Task A_meeting_attended_and_a_statement_signed_become_activities_of_the_linked_project_and_leave_when_unlinked()
    {
        var kit = new CoalitionsKit(app);
        var (client, staffId) = await kit.UserAsync(Roles.Staff);
        var mario = await kit.KnownProjectAsync(client, "MARIO");
        var coalitionId = await CoalitionsKit.RegisterAsync(client, "Initiative for Children in Migration", "european");

        await (await client.PostAsJsonAsync($"/api/coalitions/{coalitionId}/meetings", new
        {
            date = "2015-10-05", agenda = "Refugee children arriving via southern Europe", attendeeUserIds = new[] { staffId },
            projectIds = new[] { mario }, followUps = Array.Empty<object>(),
        })).JsonAsync(HttpStatusCode.Created);
        var statement = await (await client.PostAsJsonAsync("/api/statements", new
        {
            coalitionId, kind = "statement", title = "Protecting refugee and migrant children", date = "2015-10-28",
            addressedTo = "European institutions", signatories = Enumerable.Range(1, 12).Select(i => $"ECPAT member {i}").ToArray(),
            signedByUs = true, projectIds = new[] { mario },
        })).JsonAsync(HttpStatusCode.Created);

        var log = await LogWhenAsync(client, mario, l => l.Count == 2, "the meeting and the statement in Mario's log");
        Assert.Equal(("coalitionMeeting", "2015-10-05", coalitionId), (log[0].GetProperty("type").GetString(), log[0].GetProperty("date").GetString(), log[0].GetProperty("coalitionId").GetGuid()));
        Assert.Equal("consultationOrSubmission", log[1].GetProperty("type").GetString());
        Assert.Contains("signed by 12 organisations", log[1].GetProperty("notes").GetString());

        // No longer signed by us: the statement's activity leaves the log.
        await (await client.PutAsJsonAsync($"/api/statements/{statement.GetProperty("id").GetGuid()}", new
        {
            coalitionId, kind = "statement", title = "Protecting refugee and migrant children", date = "2015-10-28",
            addressedTo = "European institutions", signatories = new[] { "ECPAT France" }, signedByUs = false,
            projectIds = new[] { mario }, version = statement.GetProperty("version").GetUInt32(),
        })).JsonAsync(HttpStatusCode.OK);
        await LogWhenAsync(client, mario, l => l.Count == 1 && l[0].GetProperty("type").GetString() == "coalitionMeeting", "the statement withdrawn");
    }
}
