using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.Modules.Coalitions.Contracts;
using Advocacy.Modules.Projects.Contracts;
using static Advocacy.IntegrationTests.Advocacy.AdvocacyKit;

namespace Advocacy.IntegrationTests.Advocacy;

/// <summary>What came of a meeting: responses, asks raised, commitments through their life, follow-ups.</summary>
public sealed class OutcomeTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record Setup(HttpClient Client, Guid Project, Guid Commission, Guid Parliament, Guid Ask, string Me);

    private async Task<Setup> MarioAsync()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var mario = await Api.CreateProjectAsync(client, "MARIO", "2014-01-01");
        var commission = await StakeholderIdAsync(client, "European Commission");
        var parliament = await StakeholderIdAsync(client, "European Parliament");
        var ask = (await AskAsync(client, mario, "Strengthen the protection of refugee children.", [commission, parliament])).GetProperty("id").GetGuid();
        return new Setup(client, mario, commission, parliament, ask, await MeAsync(client));
    }

    private static object Outcome(Setup s, string dueDate = "2016-12-31") => new
    {
        stakeholders = new object[]
        {
            new { stakeholderId = s.Commission, response = "supportive", note = "Will raise it with the Member States." },
            new { stakeholderId = s.Parliament },
        },
        askIds = new[] { s.Ask },
        commitments = new[] { new { text = "Put guardianship for unaccompanied children on the agenda.", stakeholderId = s.Commission, dueDate, askId = s.Ask } },
        followUps = new[] { new { action = "Send the network's figures.", ownerUserId = s.Me, dueDate = "2016-03-01" } },
    };

    private static async Task<JsonElement> RecordAsync(Setup s, Guid activity, object? body = null) =>
        await (await s.Client.PostAsJsonAsync($"/api/activities/{activity}/outcome", body ?? Outcome(s))).JsonAsync(HttpStatusCode.Created);

    private static async Task<JsonElement> MoveAsync(HttpClient client, JsonElement commitment, string status, string changedOn, string? evidence = null) =>
        await (await client.PostAsJsonAsync($"/api/commitments/{commitment.GetProperty("id").GetGuid()}/status",
            new { status, changedOn, evidence, version = commitment.GetProperty("version").GetUInt32() })).JsonAsync(HttpStatusCode.OK);

    [Fact]
    public async Task A_commitment_recorded_on_a_meeting_appears_on_the_project_dashboard_with_the_answers_and_follows_its_status()
    {
        var s = await MarioAsync();
        var meeting = await ActivityAsync(s.Client, s.Project);
        var commitment = (await RecordAsync(s, meeting)).GetProperty("commitments")[0];
        var manager = await app.ClientAsync(Roles.Manager);
        async Task<object?> AdvocacyWhenAsync(Func<JsonElement, bool> settled, string query = "")
        {
            var dashboard = await manager.GetFromJsonAsync<JsonElement>($"/api/reports/dashboards/projects/{s.Project}{query}");
            var advocacy = dashboard.GetProperty("advocacy");
            return settled(advocacy) ? advocacy : null;
        }

        var shown = (JsonElement)(await Eventually.Get(() => AdvocacyWhenAsync(a => a.GetProperty("commitments").GetProperty("made").GetInt32() == 1
            && a.GetProperty("responses").EnumerateObject().Any()), "the commitment and answers on the dashboard"));
        Assert.Equal((1, 1, 0), (shown.GetProperty("commitments").GetProperty("open").GetInt32(),
            shown.GetProperty("commitments").GetProperty("overdue").GetInt32(), shown.GetProperty("commitments").GetProperty("fulfilled").GetInt32()));
        Assert.Equal((1, 1), (shown.GetProperty("responses").GetProperty("supportive").GetInt32(), shown.GetProperty("responses").GetProperty("noAnswer").GetInt32()));
        Assert.Equal(1, shown.GetProperty("asksByStatus").GetProperty("open").GetInt32());
        var organisation = await manager.GetFromJsonAsync<JsonElement>("/api/reports/dashboards/organisation");
        Assert.Equal(1, organisation.GetProperty("advocacy").GetProperty("commitments").GetProperty("made").GetInt32());

        await MoveAsync(s.Client, commitment, "fulfilled", "2016-09-15", "Guardianship is on the agenda of the Council of 15 September.");
        var fulfilled = (JsonElement)(await Eventually.Get(() => AdvocacyWhenAsync(a => a.GetProperty("commitments").GetProperty("fulfilled").GetInt32() == 1),
            "the fulfilled commitment on the dashboard"));
        Assert.Equal((0, 0), (fulfilled.GetProperty("commitments").GetProperty("open").GetInt32(), fulfilled.GetProperty("commitments").GetProperty("overdue").GetInt32()));
        // Outside the period, nothing.
        var before = (JsonElement)(await AdvocacyWhenAsync(_ => true, "?from=2015-01-01&to=2015-12-31"))!;
        Assert.Equal(0, before.GetProperty("commitments").GetProperty("fulfilled").GetInt32());
        Assert.False(before.GetProperty("responses").EnumerateObject().Any());
    }

    [Fact]
    public async Task A_meeting_moved_to_another_year_takes_its_answers_and_commitments_along_on_the_dashboard()
    {
        var s = await MarioAsync();
        var meeting = await ActivityAsync(s.Client, s.Project);
        await RecordAsync(s, meeting);
        var manager = await app.ClientAsync(Roles.Manager);
        async Task<string> InYearAsync(int year)
        {
            var advocacy = (await manager.GetFromJsonAsync<JsonElement>(
                $"/api/reports/dashboards/projects/{s.Project}?from={year}-01-01&to={year}-12-31")).GetProperty("advocacy");
            return $"made {advocacy.GetProperty("commitments").GetProperty("made").GetInt32()}, "
                + $"answers {advocacy.GetProperty("responses").EnumerateObject().Sum(r => r.Value.GetInt32())}";
        }
        await Eventually.Get(async () => await InYearAsync(2016) == "made 1, answers 2" ? "" : null, "the meeting's outcome in 2016");

        var activity = await s.Client.GetFromJsonAsync<JsonElement>($"/api/activities/{meeting}");
        await (await s.Client.PutAsJsonAsync($"/api/activities/{meeting}", new
        {
            type = "meetingWithPolicyMakers", date = "2015-12-01", title = activity.GetProperty("title").GetString(),
            version = activity.GetProperty("version").GetUInt32(),
        })).JsonAsync(HttpStatusCode.OK);

        await Eventually.Get(async () => await InYearAsync(2015) == "made 1, answers 2" ? "" : null, "the outcome moved to 2015 with its meeting");
        Assert.Equal("made 0, answers 0", await InYearAsync(2016));
    }

    [Fact]
    public async Task A_meeting_records_responses_asks_a_commitment_and_a_follow_up_and_publishes_them()
    {
        var s = await MarioAsync();
        var meeting = await ActivityAsync(s.Client, s.Project);

        var outcome = await RecordAsync(s, meeting);

        var responses = outcome.GetProperty("stakeholders").EnumerateArray()
            .Select(r => $"{r.GetProperty("stakeholder").GetProperty("name").GetString()}: {r.GetProperty("response").GetString()}");
        Assert.Equal(["European Commission: supportive", "European Parliament: noAnswer"], responses);
        Assert.Equal(s.Ask, Assert.Single(outcome.GetProperty("asks").EnumerateArray()).GetProperty("id").GetGuid());
        var commitment = Assert.Single(outcome.GetProperty("commitments").EnumerateArray());
        Assert.Equal(("made", "2016-02-16", "European Commission", true),
            (commitment.GetProperty("status").GetString(), commitment.GetProperty("madeOn").GetString(),
             commitment.GetProperty("stakeholder").GetProperty("name").GetString(), commitment.GetProperty("overdue").GetBoolean()));
        Assert.Equal(s.Me, Assert.Single(outcome.GetProperty("followUps").EnumerateArray()).GetProperty("ownerUserId").GetString());
        var read = await s.Client.GetFromJsonAsync<JsonElement>($"/api/activities/{meeting}/outcome");
        Assert.Equal(outcome.GetProperty("stakeholders").GetRawText(), read.GetProperty("stakeholders").GetRawText());
        Assert.Equal(outcome.GetProperty("commitments").GetRawText(), read.GetProperty("commitments").GetRawText());
        Assert.Equal(outcome.GetProperty("version").GetUInt32(), read.GetProperty("version").GetUInt32());

        var recorded = Assert.Single(await OutboxAsync<ActivityOutcomeRecorded>(app)).Outcome;
        Assert.Equal((meeting, s.Project, ActivityType.MeetingWithPolicyMakers, new DateOnly(2016, 2, 16)),
            (recorded.ActivityId, recorded.ProjectId, recorded.ActivityType, recorded.ActivityDate));
        Assert.Equal([(s.Commission, StakeholderKind.EuInstitution, StakeholderResponse.Supportive), (s.Parliament, StakeholderKind.EuInstitution, StakeholderResponse.NoAnswer)],
            recorded.Responses.Select(r => (r.Stakeholder.StakeholderId, r.Stakeholder.Kind, r.Response)));
        Assert.Equal([s.Ask], recorded.AskIds);
        var changed = Assert.Single(await OutboxAsync<CommitmentChanged>(app)).Commitment;
        Assert.Equal((CommitmentStatus.Made, (DateOnly?)new DateOnly(2016, 12, 31), s.Commission, meeting, s.Project, (Guid?)s.Ask),
            (changed.Status, changed.DueDate, changed.Stakeholder.StakeholderId, changed.ActivityId, changed.ProjectId, changed.AskId));
        Assert.Equal((new DateOnly(2016, 2, 16), new DateOnly(2016, 2, 16)), (changed.MadeOn, changed.StatusChangedOn));
        // Published, not only written: the dispatcher hands them to the bus.
        await Eventually.Get(async () => await app.ScalarAsync<long>(
            "SELECT count(*) FROM projects.outbox_messages WHERE dispatched_at IS NULL AND (type LIKE '%ActivityOutcomeRecorded%' OR type LIKE '%CommitmentChanged%')") == 0
            ? "" : null, "the outcome's messages dispatched");
    }

    [Fact]
    public async Task A_commitment_moves_from_made_through_in_progress_to_fulfilled_with_dated_evidence()
    {
        var s = await MarioAsync();
        var meeting = await ActivityAsync(s.Client, s.Project);
        var commitment = (await RecordAsync(s, meeting)).GetProperty("commitments")[0];

        commitment = await MoveAsync(s.Client, commitment, "inProgress", "2016-04-01");
        commitment = await MoveAsync(s.Client, commitment, "fulfilled", "2016-09-15", "Guardianship is on the agenda of the Council of 15 September.");

        Assert.Equal(("fulfilled", "Guardianship is on the agenda of the Council of 15 September."),
            (commitment.GetProperty("status").GetString(), commitment.GetProperty("evidence").GetString()));
        Assert.Equal(["made→inProgress 2016-04-01", "inProgress→fulfilled 2016-09-15"], commitment.GetProperty("history").EnumerateArray()
            .Select(h => $"{h.GetProperty("from").GetString()}→{h.GetProperty("to").GetString()} {h.GetProperty("changedOn").GetString()}"));
        Assert.Equal("staff@demo.advocacy.local", commitment.GetProperty("history")[1].GetProperty("changedByName").GetString());
        var published = (await OutboxAsync<CommitmentChanged>(app)).Select(m => m.Commitment).ToList();
        Assert.Equal([CommitmentStatus.Made, CommitmentStatus.InProgress, CommitmentStatus.Fulfilled], published.Select(c => c.Status));
        Assert.Equal((new DateOnly(2016, 9, 15), "Guardianship is on the agenda of the Council of 15 September."),
            (published[2].StatusChangedOn, published[2].Evidence));
    }

    [Fact]
    public async Task Closing_a_commitment_needs_evidence_and_it_only_moves_forward_once_closed_never()
    {
        var s = await MarioAsync();
        var meeting = await ActivityAsync(s.Client, s.Project);
        var commitment = (await RecordAsync(s, meeting)).GetProperty("commitments")[0];
        var url = $"/api/commitments/{commitment.GetProperty("id").GetGuid()}/status";
        var version = commitment.GetProperty("version").GetUInt32();
        var before = await RowsAsync(app);

        Assert.Equal(["evidence"], await Api.ErrorFieldsAsync(await s.Client.PostAsJsonAsync(url, new { status = "fulfilled", changedOn = "2016-09-15", version })));
        Assert.Equal(["evidence"], await Api.ErrorFieldsAsync(await s.Client.PostAsJsonAsync(url, new { status = "broken", changedOn = "2016-09-15", evidence = " ", version })));
        Assert.Equal(["changedOn"], await Api.ErrorFieldsAsync(await s.Client.PostAsJsonAsync(url, new { status = "inProgress", changedOn = "2016-02-15", version })));
        Assert.Equal(HttpStatusCode.Conflict, (await s.Client.PostAsJsonAsync(url, new { status = "made", changedOn = "2016-03-01", version })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await s.Client.PostAsJsonAsync(url, new { status = "inProgress", changedOn = "2016-03-01", version = version + 1 })).StatusCode);
        Assert.Equal(before, await RowsAsync(app));

        var broken = await MoveAsync(s.Client, commitment, "broken", "2016-12-31", "The Commission's work programme leaves it out.");
        var again = await s.Client.PostAsJsonAsync(url, new { status = "fulfilled", changedOn = "2017-01-10", evidence = "x", version = broken.GetProperty("version").GetUInt32() });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("closed", await Api.DetailAsync(again));
    }

    [Fact]
    public async Task An_outcome_on_a_training_gets_400_and_nothing_is_written()
    {
        var s = await MarioAsync();
        var training = await ActivityAsync(s.Client, s.Project, "training", title: "Training for guardians");
        var before = await RowsAsync(app);

        var response = await s.Client.PostAsJsonAsync($"/api/activities/{training}/outcome", Outcome(s));

        Assert.Equal(["activityType"], await Api.ErrorFieldsAsync(response));
        Assert.Equal(before, await RowsAsync(app));
        Assert.Equal(HttpStatusCode.NotFound, (await s.Client.GetAsync($"/api/activities/{training}/outcome")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Client.PostAsJsonAsync($"/api/activities/{Guid.NewGuid()}/outcome", Outcome(s))).StatusCode);
    }

    [Fact]
    public async Task What_an_outcome_names_must_exist_and_fit_the_activity_or_it_gets_400_and_nothing_is_written()
    {
        var s = await MarioAsync();
        var meeting = await ActivityAsync(s.Client, s.Project);
        var react = await Api.CreateProjectAsync(s.Client, "REACT", "2015-01-01");
        var otherAsk = (await AskAsync(s.Client, react, "Train guardians.", [s.Commission])).GetProperty("id").GetGuid();
        var before = await RowsAsync(app);

        async Task<List<string>> FieldsAsync(object body) => await Api.ErrorFieldsAsync(await s.Client.PostAsJsonAsync($"/api/activities/{meeting}/outcome", body));

        Assert.Equal(["stakeholders"], await FieldsAsync(new { stakeholders = Array.Empty<object>() }));
        Assert.Equal(["stakeholders"], await FieldsAsync(new { stakeholders = new[] { new { stakeholderId = Guid.NewGuid() } } }));
        Assert.Equal(["stakeholders"], await FieldsAsync(new { stakeholders = new[] { new { stakeholderId = s.Commission }, new { stakeholderId = s.Commission } } }));
        await AssertBadFieldAsync(await s.Client.PostAsJsonAsync($"/api/activities/{meeting}/outcome",
            new { stakeholders = new[] { new { stakeholderId = s.Commission, response = "delighted" } } }), "stakeholders[0].response");
        Assert.Equal(["askIds"], await FieldsAsync(new { stakeholders = new[] { new { stakeholderId = s.Commission } }, askIds = new[] { otherAsk } }));
        Assert.Equal(["commitments[0].dueDate", "commitments[0].stakeholderId"], await FieldsAsync(new
        {
            stakeholders = new[] { new { stakeholderId = s.Commission } },
            commitments = new[] { new { text = "Raise it.", stakeholderId = s.Parliament, dueDate = "2016-01-01" } },
        }));
        Assert.Equal(["followUps[0].dueDate", "followUps[0].ownerUserId"], await FieldsAsync(new
        {
            stakeholders = new[] { new { stakeholderId = s.Commission } },
            followUps = new[] { new { action = "Call back.", ownerUserId = "someone-who-left", dueDate = "2016-01-01" } },
        }));
        Assert.Equal(before, await RowsAsync(app));
    }

    [Fact]
    public async Task An_outcome_is_edited_with_the_version_read_keeps_stakeholders_who_made_commitments_and_is_recorded_once()
    {
        var s = await MarioAsync();
        var meeting = await ActivityAsync(s.Client, s.Project);
        var outcome = await RecordAsync(s, meeting);
        var version = outcome.GetProperty("version").GetUInt32();
        var url = $"/api/activities/{meeting}/outcome";

        Assert.Equal(HttpStatusCode.Conflict, (await s.Client.PostAsJsonAsync(url, Outcome(s))).StatusCode);
        Assert.Equal(["stakeholders"], await Api.ErrorFieldsAsync(await s.Client.PutAsJsonAsync(url, new { stakeholders = new[] { new { stakeholderId = s.Parliament } }, version })));
        Assert.Equal(["version"], await Api.ErrorFieldsAsync(await s.Client.PutAsJsonAsync(url, new { stakeholders = new[] { new { stakeholderId = s.Commission } } })));
        Assert.Equal(["commitments"], await Api.ErrorFieldsAsync(await s.Client.PutAsJsonAsync(url, new
        {
            stakeholders = new[] { new { stakeholderId = s.Commission } },
            commitments = new[] { new { text = "Raise it.", stakeholderId = s.Commission } },
            version,
        })));

        var edited = await (await s.Client.PutAsJsonAsync(url, new
        {
            stakeholders = new[] { new { stakeholderId = s.Commission, response = "neutral" } }, askIds = Array.Empty<Guid>(), version,
        })).JsonAsync(HttpStatusCode.OK);
        var stale = await s.Client.PutAsJsonAsync(url, new { stakeholders = new[] { new { stakeholderId = s.Commission, response = "opposed" } }, version });

        Assert.Equal("neutral", Assert.Single(edited.GetProperty("stakeholders").EnumerateArray()).GetProperty("response").GetString());
        Assert.Equal(0, edited.GetProperty("asks").GetArrayLength());
        Assert.Equal(1, edited.GetProperty("commitments").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var published = await OutboxAsync<ActivityOutcomeRecorded>(app);
        Assert.Equal(2, published.Count);
        Assert.Equal(StakeholderResponse.Neutral, Assert.Single(published[1].Outcome.Responses).Response);
        Assert.Empty(published[1].Outcome.AskIds);
    }

    [Fact]
    public async Task Commitments_and_follow_ups_are_added_and_edited_after_the_outcome()
    {
        var s = await MarioAsync();
        var meeting = await ActivityAsync(s.Client, s.Project);
        await RecordAsync(s, meeting, new { stakeholders = new[] { new { stakeholderId = s.Parliament, response = "supportive" } } });
        var manager = await MeAsync(await app.ClientAsync(Roles.Manager));

        var commitment = await (await s.Client.PostAsJsonAsync($"/api/activities/{meeting}/outcome/commitments",
            new { text = "Table a resolution on guardianship.", stakeholderId = s.Parliament, dueDate = "2016-06-30" })).JsonAsync(HttpStatusCode.Created);
        var byOther = await s.Client.PostAsJsonAsync($"/api/activities/{meeting}/outcome/commitments", new { text = "x", stakeholderId = s.Commission });
        var edited = await (await s.Client.PutAsJsonAsync($"/api/commitments/{commitment.GetProperty("id").GetGuid()}",
            new { text = "Table a resolution on guardianship and on age assessment.", stakeholderId = s.Parliament, dueDate = "2016-09-30", askId = s.Ask,
                  version = commitment.GetProperty("version").GetUInt32() })).JsonAsync(HttpStatusCode.OK);
        var followUp = await (await s.Client.PostAsJsonAsync($"/api/activities/{meeting}/outcome/follow-ups",
            new { action = "Draft the resolution's text.", ownerUserId = manager, dueDate = "2016-03-15" })).JsonAsync(HttpStatusCode.Created);
        var done = await (await s.Client.PutAsJsonAsync($"/api/follow-ups/{followUp.GetProperty("id").GetGuid()}",
            new { action = "Draft the resolution's text.", ownerUserId = manager, dueDate = "2016-03-15", done = true, doneOn = "2016-03-10",
                  version = followUp.GetProperty("version").GetUInt32() })).JsonAsync(HttpStatusCode.OK);
        var staleFollowUp = await s.Client.PutAsJsonAsync($"/api/follow-ups/{followUp.GetProperty("id").GetGuid()}",
            new { action = "x", ownerUserId = manager, dueDate = "2016-03-15", version = followUp.GetProperty("version").GetUInt32() });

        Assert.Equal(["stakeholderId"], await Api.ErrorFieldsAsync(byOther));
        Assert.Equal(("2016-09-30", s.Ask), (edited.GetProperty("dueDate").GetString(), edited.GetProperty("askId").GetGuid()));
        Assert.Equal((true, "2016-03-10"), (done.GetProperty("done").GetBoolean(), done.GetProperty("doneOn").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, staleFollowUp.StatusCode);
        Assert.Equal([new DateOnly(2016, 6, 30), new DateOnly(2016, 9, 30)], (await OutboxAsync<CommitmentChanged>(app)).Select(m => m.Commitment.DueDate!.Value));
        var outcome = await s.Client.GetFromJsonAsync<JsonElement>($"/api/activities/{meeting}/outcome");
        Assert.Equal((1, 1), (outcome.GetProperty("commitments").GetArrayLength(), outcome.GetProperty("followUps").GetArrayLength()));
    }

    [Fact]
    public async Task A_coalition_meeting_recorded_from_Coalitions_takes_an_outcome_though_the_activity_itself_cannot_be_edited()
    {
        var s = await MarioAsync();
        var meetingId = Guid.NewGuid();
        await ConsumedProbe.PublishAndWaitAsync(app.Services, new CoalitionMeetingAttended(
            meetingId, Guid.NewGuid(), "Initiative for Children in Migration", new DateOnly(2016, 5, 10), "Guardianship", 1, [s.Project],
            DateTimeOffset.UtcNow), "Projects");
        var activity = (await s.Client.GetFromJsonAsync<JsonElement>($"/api/activities?projectId={s.Project}")).GetProperty("items")
            .EnumerateArray().Single(a => a.GetProperty("source").GetString() == "coalitionMeeting");
        var id = activity.GetProperty("id").GetGuid();

        var edit = await s.Client.PutAsJsonAsync($"/api/activities/{id}", new
        {
            type = "coalitionMeeting", date = "2016-05-10", title = "Edited by hand", version = activity.GetProperty("version").GetUInt32(),
        });
        var outcome = await RecordAsync(s, id, new { stakeholders = new[] { new { stakeholderId = s.Commission, response = "neutral" } }, askIds = new[] { s.Ask } });

        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Equal("coalitionMeeting", outcome.GetProperty("activityType").GetString());
    }

    [Fact]
    public async Task An_activity_with_an_outcome_keeps_an_advocacy_type_and_its_outcome_goes_with_it_when_deleted()
    {
        var s = await MarioAsync();
        var meeting = await ActivityAsync(s.Client, s.Project);
        await RecordAsync(s, meeting);
        var activity = await s.Client.GetFromJsonAsync<JsonElement>($"/api/activities/{meeting}");
        var version = activity.GetProperty("version").GetUInt32();

        var toTraining = await s.Client.PutAsJsonAsync($"/api/activities/{meeting}", new { type = "training", date = "2016-02-16", title = "Training", version });
        var toMedia = await s.Client.PutAsJsonAsync($"/api/activities/{meeting}", new { type = "media", date = "2016-02-16", title = "Interview", version });

        Assert.Equal(["type"], await Api.ErrorFieldsAsync(toTraining));
        Assert.Equal(HttpStatusCode.OK, toMedia.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await s.Client.DeleteAsync($"/api/activities/{meeting}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Client.GetAsync($"/api/activities/{meeting}/outcome")).StatusCode);
        Assert.Equal(0, (await s.Client.GetFromJsonAsync<JsonElement>("/api/commitments")).GetProperty("totalCount").GetInt32());
        Assert.Equal(0, (await s.Client.GetFromJsonAsync<JsonElement>("/api/follow-ups")).GetProperty("totalCount").GetInt32());
    }
}
