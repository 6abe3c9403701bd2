using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Data;
using Advocacy.IntegrationTests.Advocacy;
using Advocacy.IntegrationTests.Events;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.Modules.Events.Data;
using Advocacy.Modules.Events.Participants.PersonalData;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Advocacy.IntegrationTests.Security;

/// <summary>GDPR: an admin exports all data held on one person, and erases it everywhere with every total intact; retention un-names participants.</summary>
public sealed class PersonalDataTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    private const string KimEmail = "kim.janssens@advocacy.example";

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A staff member of their own (the erasure removes them), signed in with a bearer token.</summary>
    private async Task<(HttpClient Client, string UserId)> NewStaffAsync(string email)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, AdvocacyApp.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Staff)).Succeeded);
        }
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(email, AdvocacyApp.Password));
        return (client, await AdvocacyKit.MeAsync(client));
    }

    /// <summary>Kim's work: a project, an activity with its reach, a person stakeholder and an ask, a held event with a named participant.</summary>
    private async Task<(Guid ProjectId, Guid EventId, Guid DonorReportId)> KimsWorkAsync(HttpClient kim)
    {
        var projectId = await Api.CreateProjectAsync(kim, "REACT", "2015-01-01");
        await (await kim.PostAsJsonAsync($"/api/projects/{projectId}/activities", new
        {
            type = "training", date = "2016-03-01", title = "Training of guardians", country = "BE",
            reach = new[] { new { audience = "professionals", gender = (string?)null, count = 12 }, new { audience = "children", gender = (string?)"female", count = 30 } },
        })).JsonAsync(HttpStatusCode.Created);
        var mep = (await AdvocacyKit.StakeholderAsync(kim, "Anna Lindqvist", kind: "person", function: "Member of the European Parliament", party: "Greens"))
            .GetProperty("id").GetGuid();
        await AdvocacyKit.AskAsync(kim, projectId, "Appoint a guardian for every unaccompanied child", [mep]);

        var planned = await EventApi.PlanAsync(kim, EventApi.Training("2016-04-05").With($$"""{"projectIds":["{{projectId}}"]}"""));
        await (await kim.PostAsJsonAsync($"/api/events/{EventApi.Id(planned)}/participants", new
        {
            organisation = "Hotel group", role = "manager", personName = "Marie Dupont", consentRecordedOn = "2016-03-20",
        })).JsonAsync(HttpStatusCode.Created);
        await (await EventApi.HoldAsync(kim, planned, ("professionals", null, 25))).JsonAsync(HttpStatusCode.OK);

        var admin = await app.ClientAsync(Roles.Admin);
        var report = await (await admin.PostAsJsonAsync("/api/donor-reports", new
        {
            title = "ReACT 2016", projectId, from = "2016-01-01", to = "2016-12-31", sections = Array.Empty<object>(),
        })).JsonAsync(HttpStatusCode.Created);
        return (projectId, EventApi.Id(planned), report.GetProperty("id").GetGuid());
    }

    /// <summary>Every figure a manager or donor sees: both dashboards and the donor report's CSV.</summary>
    private async Task<string[]> FiguresAsync(Guid projectId, Guid donorReportId)
    {
        var manager = await app.ClientAsync(Roles.Manager);
        return
        [
            await manager.GetStringAsync($"/api/reports/dashboards/projects/{projectId}"),
            await manager.GetStringAsync("/api/reports/dashboards/organisation"),
            await manager.GetStringAsync($"/api/donor-reports/{donorReportId}/export?format=csv"),
        ];
    }

    [Fact]
    public async Task Erasing_a_user_anonymises_them_everywhere_keeps_every_total_and_is_audited_and_idempotent()
    {
        var (kim, kimId) = await NewStaffAsync(KimEmail);
        var (projectId, _, donorReportId) = await KimsWorkAsync(kim);
        var manager = await app.ClientAsync(Roles.Manager);
        await Eventually.Get(async () =>
        {
            var top = (await manager.GetFromJsonAsync<JsonElement>($"/api/reports/dashboards/projects/{projectId}")).GetProperty("topLine");
            return top.GetProperty("activities").GetInt32() == 2 && top.GetProperty("eventsHeld").GetInt32() == 1 ? (object)top : null;
        }, "the activity and the held event in the dashboard");
        var before = await FiguresAsync(projectId, donorReportId);
        var admin = await app.ClientAsync(Roles.Admin);

        // The export gathers Kim from every module, the audit trails included.
        var export = await (await admin.GetAsync($"/api/admin/personal-data?email={Uri.EscapeDataString(KimEmail)}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(kimId, export.GetProperty("userId").GetString());
        var modules = export.GetProperty("modules").EnumerateArray().ToDictionary(m => m.GetProperty("module").GetString()!);
        Assert.Equal(KimEmail, modules["identity"].GetProperty("records")[0].GetProperty("values").GetProperty("email").GetString());
        var projectsTables = modules["projects"].GetProperty("records").EnumerateArray().Select(r => r.GetProperty("table").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "projects.activities", "projects.asks", "projects.stakeholders" }, projectsTables);
        Assert.True(modules["events"].GetProperty("auditEntriesTotal").GetInt64() > 0, "Kim planned the event");
        Assert.Contains(KimEmail, export.GetRawText());

        var erased = await (await admin.PostAsJsonAsync("/api/admin/personal-data/erase", new { email = KimEmail })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(kimId, erased.GetProperty("userId").GetString());
        Assert.True(erased.GetProperty("changed").GetProperty("projects").GetProperty("activities.logged_by_name").GetInt32() >= 1);

        // Every total stays.
        Assert.Equal(before, await FiguresAsync(projectId, donorReportId));
        // No trace of the email anywhere in the database: not in the tables, the audit trails or the outboxes.
        Assert.Equal(0L, await CountTextAsync(KimEmail));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM identity.\"AspNetUserRoles\" WHERE user_id = $1", kimId));
        Assert.Equal(DataSubject.ErasedName, await app.ScalarAsync<string>(
            "SELECT DISTINCT logged_by_name FROM projects.activities WHERE logged_by = $1", kimId));
        // The account cannot sign in any more.
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/token", new { email = KimEmail, password = AdvocacyApp.Password })).StatusCode);

        // Audited: each schema records the erasure and the scrub with counts, never the erased values.
        var trail = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?entity=PersonalData&entityId={kimId}&pageSize=100");
        var actions = trail.GetProperty("items").EnumerateArray().Select(e => $"{e.GetProperty("module").GetString()} {e.GetProperty("action").GetString()}").ToList();
        foreach (var schema in new[] { "identity", "projects", "coalitions", "events", "reports" })
        {
            Assert.Contains($"{schema} erased", actions);
            Assert.Contains($"{schema} scrubbed", actions);
        }
        Assert.Contains("identity exported", actions);

        // Idempotent: again, by user id now (the email is gone), it changes nothing and still answers 200.
        var again = await (await admin.PostAsJsonAsync("/api/admin/personal-data/erase", new { userId = kimId })).JsonAsync(HttpStatusCode.OK);
        Assert.All(again.GetProperty("changed").EnumerateObject().Where(m => m.Name != "identity"),
            m => Assert.All(m.Value.EnumerateObject(), c => Assert.Equal(0, c.Value.GetInt32())));
        Assert.Equal(before, await FiguresAsync(projectId, donorReportId));
    }

    [Fact]
    public async Task Erasing_a_person_by_name_un_names_the_participant_and_the_stakeholder_and_keeps_the_counts()
    {
        var (kim, _) = await NewStaffAsync("kim.two@advocacy.example");
        var (_, eventId, _) = await KimsWorkAsync(kim);
        var admin = await app.ClientAsync(Roles.Admin);

        var export = await (await admin.GetAsync("/api/admin/personal-data?name=marie%20DUPONT")).JsonAsync(HttpStatusCode.OK);
        var participant = export.GetProperty("modules").EnumerateArray().Single(m => m.GetProperty("module").GetString() == "events")
            .GetProperty("records").EnumerateArray().Single();
        Assert.Equal("Marie Dupont", participant.GetProperty("values").GetProperty("personName").GetString());

        await (await admin.PostAsJsonAsync("/api/admin/personal-data/erase", new { name = "Marie Dupont" })).JsonAsync(HttpStatusCode.OK);
        await (await admin.PostAsJsonAsync("/api/admin/personal-data/erase", new { name = "Anna Lindqvist" })).JsonAsync(HttpStatusCode.OK);

        var read = await admin.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}");
        var remaining = read.GetProperty("participants").EnumerateArray().Single();
        Assert.Equal(("Hotel group", JsonValueKind.Null), (remaining.GetProperty("organisation").GetString(), remaining.GetProperty("personName").ValueKind));
        Assert.Equal(25, read.GetProperty("attendance").EnumerateArray().Sum(a => a.GetProperty("count").GetInt32()));
        Assert.Equal(0L, await CountTextAsync("Marie Dupont"));
        Assert.Equal(0L, await CountTextAsync("Anna Lindqvist"));
        Assert.StartsWith(DataSubject.ErasedName, await app.ScalarAsync<string>("SELECT name FROM projects.stakeholders WHERE kind = 'Person'"));
    }

    [Fact]
    public async Task Bad_subjects_are_refused_with_400_and_an_unknown_user_id_with_404_and_staff_may_not_export()
    {
        var admin = await app.ClientAsync(Roles.Admin);
        string[] bad =
        [
            "", "?email=not-an-email", "?email=a@b.example&name=Someone", "?name=ab", $"?name={new string('x', 201)}", "?name=abc%00def",
            "?name=Bad%01Name",
        ];
        foreach (var query in bad)
        {
            var status = (await admin.GetAsync($"/api/admin/personal-data{query}")).StatusCode;
            Assert.True(status == HttpStatusCode.BadRequest, $"{query}: {status}");
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/admin/personal-data/erase", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/api/admin/personal-data/erase",
            new StringContent("{\"name\":\"\\ud800xyz\"}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/admin/personal-data/erase",
            new { userId = await AdvocacyKit.MeAsync(admin) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/admin/personal-data/erase", new { userId = "no-such-user" })).StatusCode);
        var staff = await app.ClientAsync(Roles.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/admin/personal-data?name=Marie%20Dupont")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/admin/personal-data/erase", new { name = "Marie Dupont" })).StatusCode);
    }

    [Fact]
    public async Task Retention_un_names_participants_of_events_that_ended_longer_ago_than_the_setting_and_only_those()
    {
        var staff = await app.ClientAsync(Roles.Staff);
        var old = await EventApi.PlanAsync(staff, EventApi.Training("2020-01-10", "2020-02-20"));
        var recent = await EventApi.PlanAsync(staff, EventApi.Training("2021-06-01").With("""{"title":"Recent training"}"""));
        foreach (var (read, name) in new[] { (old, "Old Participant"), (recent, "Recent Participant") })
        {
            await (await staff.PostAsJsonAsync($"/api/events/{EventApi.Id(read)}/participants", new
            {
                organisation = "Police", role = "trainee", personName = name, consentRecordedOn = "2020-01-01",
            })).JsonAsync(HttpStatusCode.Created);
        }

        // 2022-03-01 with 24 months: the first event ended on 2020-02-20, before 2020-03-01; the other on 2021-06-01.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var clock = new FixedClock(new DateTimeOffset(2022, 3, 1, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await ParticipantRetention.AnonymiseExpiredAsync(db, 24, clock, CancellationToken.None));
        Assert.Equal(0, await ParticipantRetention.AnonymiseExpiredAsync(db, 24, clock, CancellationToken.None));

        var names = await app.ScalarAsync<string>("SELECT string_agg(coalesce(person_name, '-'), ',' ORDER BY person_name NULLS FIRST) FROM events.participants");
        Assert.Equal("-,Recent Participant", names);
        Assert.Equal(2L, await app.ScalarAsync<long>("SELECT count(*) FROM events.participants"));
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM events.audit_entries WHERE action = 'retention'"));
        // A month later the second one's time has not come; 10 months later it has.
        Assert.Equal(1, await ParticipantRetention.AnonymiseExpiredAsync(db, 24, new FixedClock(new DateTimeOffset(2023, 6, 2, 0, 0, 0, TimeSpan.Zero)), CancellationToken.None));
    }

    /// <summary>How many rows of any table of the database hold <paramref name="text"/> (case-insensitive) anywhere in them.</summary>
    private async Task<long> CountTextAsync(string text)
    {
        var tables = new List<string>();
        await using (var connection = await app.OpenAsync())
        await using (var command = new Npgsql.NpgsqlCommand("""
            SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
            WHERE table_schema IN ('identity', 'projects', 'coalitions', 'events', 'reports') AND table_type = 'BASE TABLE'
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        long total = 0;
        foreach (var table in tables)
        {
            total += await app.ScalarAsync<long>($"SELECT count(*) FROM {table} t WHERE t::text ILIKE '%' || $1 || '%'", text);
        }
        return total;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
