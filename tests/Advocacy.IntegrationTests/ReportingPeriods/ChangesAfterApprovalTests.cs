using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Flows;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.Modules.Events.Contracts;
using Advocacy.Modules.Projects.Contracts;
using static Advocacy.IntegrationTests.ReportingPeriods.PeriodsKit;

namespace Advocacy.IntegrationTests.ReportingPeriods;

/// <summary>
/// Work recorded from other modules' messages (an event held, a meeting, a statement, a publication) cannot
/// be answered with 409: Projects applies it, because the source module is the authority on what happened,
/// and the approved period it lands in records that it changed after approval, for a manager to see.
/// </summary>
public sealed class ChangesAfterApprovalTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly DateTimeOffset Held = new(2015, 9, 30, 9, 0, 0, TimeSpan.Zero);

    private static HeldEventDetails Training(Guid eventId, Guid projectId, DateOnly date, int professionals = 37) => new(
        eventId, "Training for ACCOR Belgium's managers", EventKind.Training, [date], "Brussels", "BE", Online: false,
        OrganisedByUs: true, [projectId], [new ReachCount(Audience.Professionals, null, professionals)]);

    private Task PublishAsync<T>(T message) where T : class => ConsumedProbe.PublishAndWaitAsync(app.Services, message, "Projects");

    /// <summary>The period once <paramref name="count"/> changes after approval have reached it over the bus.</summary>
    private static async Task<JsonElement> PeriodWithChangesAsync(HttpClient client, Guid projectId, Guid periodId, int count, string what) =>
        (await Eventually.Get(async () =>
            await GetPeriodAsync(client, projectId, periodId) is var period && period.GetProperty("changedAfterApproval").GetInt32() == count
                ? new[] { period }
                : null,
            what))[0];

    private static List<(string Kind, string Date)> Changes(JsonElement period) =>
        period.GetProperty("changesAfterApproval").EnumerateArray()
            .Select(c => (c.GetProperty("kind").GetString()!, c.GetProperty("date").GetString()!))
            .ToList();

    [Fact]
    public async Task A_training_held_in_a_locked_period_still_reaches_the_log_and_the_period_shows_it_changed_after_approval()
    {
        var staff = await app.ClientAsync(Roles.Staff);
        var manager = await app.ClientAsync(Roles.Manager);
        var hotel = await EventToActivityFlowTests.ProjectKnownToEventsAsync(app, staff, "HOTEL-CODE");
        var period = await ApprovedPeriodAsync(app, hotel, "2015-07-01", "2015-12-31");
        Assert.Equal(0, period.GetProperty("changedAfterApproval").GetInt32());

        // Planned and marked held through Events' API: sessions on 8, 22 and 29 September 2015.
        var (eventId, version) = await EventToActivityFlowTests.PlanAsync(staff, [hotel]);
        var held = await (await staff.PostAsJsonAsync($"/api/events/{eventId}/held", EventToActivityFlowTests.Attendance(20, 17, version)))
            .JsonAsync(HttpStatusCode.OK);

        var activity = await Eventually.Get(async () =>
            (await staff.GetFromJsonAsync<JsonElement>($"/api/activities?projectId={hotel}")).GetProperty("items").EnumerateArray().ToList()
                is { Count: 1 } log ? log : null,
            "the held training in the locked period's log");
        Assert.Equal(("2015-09-08", 37), (activity[0].GetProperty("date").GetString(), activity[0].GetProperty("totalReach").GetInt32()));

        var changed = await GetPeriodAsync(manager, hotel, period.Id());
        Assert.Equal(("approved", true, 1), (changed.Status(), changed.GetProperty("locked").GetBoolean(), changed.GetProperty("changedAfterApproval").GetInt32()));
        Assert.NotEqual(JsonValueKind.Null, changed.GetProperty("lastChangedAfterApprovalAt").ValueKind);
        var change = changed.GetProperty("changesAfterApproval")[0];
        Assert.Equal(("recorded", $"event:{eventId}", "Training for ACCOR Belgium's managers", activity[0].Id()),
            (change.GetProperty("kind").GetString(), change.GetProperty("source").GetString(), change.GetProperty("title").GetString(),
             change.GetProperty("activityId").GetGuid()));
        var flagged = await (await manager.GetAsync("/api/reporting-periods?changedAfterApproval=true")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(period.Id(), Assert.Single(flagged.GetProperty("items").EnumerateArray().ToList()).Id());

        // A corrected attendance and a cancellation are recorded too.
        var corrected = await (await staff.PutAsJsonAsync($"/api/events/{eventId}/attendance",
            EventToActivityFlowTests.Attendance(25, 20, held.GetProperty("version").GetUInt32()))).JsonAsync(HttpStatusCode.OK);
        await PeriodWithChangesAsync(manager, hotel, period.Id(), 2, "the corrected attendance recorded on the period");
        await (await staff.PostAsJsonAsync($"/api/events/{eventId}/cancel", new { version = corrected.GetProperty("version").GetUInt32() }))
            .JsonAsync(HttpStatusCode.OK);
        var cancelled = await PeriodWithChangesAsync(manager, hotel, period.Id(), 3, "the withdrawal recorded on the period");
        Assert.Equal(["recorded", "updated", "withdrawn"], Changes(cancelled).Select(c => c.Kind).ToArray());
    }

    [Fact]
    public async Task Only_real_changes_to_a_locked_periods_activities_are_recorded_including_a_move_out_of_it()
    {
        var staff = await app.ClientAsync(Roles.Staff);
        var hotel = await Api.CreateProjectAsync(staff, "HOTEL-CODE", "2014-01-01");
        var period = await ApprovedPeriodAsync(app, hotel, "2015-07-01", "2015-12-31");
        var eventId = Guid.NewGuid();

        await PublishAsync(new EventHeld(Training(eventId, hotel, new DateOnly(2015, 9, 8)), Held));
        // The same state again, newer: nothing changed for the period.
        await PublishAsync(new HeldEventUpdated(Training(eventId, hotel, new DateOnly(2015, 9, 8)), Held.AddHours(1)));
        Assert.Equal([("recorded", "2015-09-08")], Changes(await GetPeriodAsync(staff, hotel, period.Id())));

        // Moved to January 2016: out of the locked period, which records it.
        await PublishAsync(new HeldEventUpdated(Training(eventId, hotel, new DateOnly(2016, 1, 12)), Held.AddHours(2)));
        var moved = await GetPeriodAsync(staff, hotel, period.Id());
        Assert.Equal([("recorded", "2015-09-08"), ("updated", "2016-01-12")], Changes(moved));
        Assert.Equal(2, moved.GetProperty("changedAfterApproval").GetInt32());
        var activity = (await staff.GetFromJsonAsync<JsonElement>($"/api/activities?projectId={hotel}")).GetProperty("items")[0];
        Assert.Equal("2016-01-12", activity.GetProperty("date").GetString());

        // Changes after 2016-01 touch no approved period.
        await PublishAsync(new HeldEventUpdated(Training(eventId, hotel, new DateOnly(2016, 1, 12), professionals: 40), Held.AddHours(3)));
        Assert.Equal(2L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.reporting_period_changes"));
    }

    [Fact]
    public async Task Unlocking_and_approving_again_starts_a_new_round_that_keeps_the_earlier_changes_on_record()
    {
        var staff = await app.ClientAsync(Roles.Staff);
        var manager = await app.ClientAsync(Roles.Manager);
        var hotel = await Api.CreateProjectAsync(staff, "HOTEL-CODE", "2014-01-01");
        var period = await ApprovedPeriodAsync(app, hotel, "2015-07-01", "2015-12-31");
        await PublishAsync(new EventHeld(Training(Guid.NewGuid(), hotel, new DateOnly(2015, 9, 8)), Held));

        var unlocked = await UnlockAsync(app, hotel, period.Id(), "A training arrived after approval; to be reviewed.");
        Assert.Equal(0, unlocked.GetProperty("changedAfterApproval").GetInt32());
        await (await StepAsync(staff, hotel, period.Id(), "submit")).JsonAsync(HttpStatusCode.OK);
        var reapproved = await (await StepAsync(manager, hotel, period.Id(), "approve")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal((2, 0), (reapproved.GetProperty("approvalRound").GetInt32(), reapproved.GetProperty("changedAfterApproval").GetInt32()));
        Assert.Equal(1, Assert.Single(reapproved.GetProperty("changesAfterApproval").EnumerateArray().ToList()).GetProperty("approvalRound").GetInt32());
        Assert.Equal(2L, await app.ScalarAsync<long>(
            "SELECT count(*) FROM projects.outbox_messages WHERE type LIKE '%ReportingPeriodApproved%'"));
    }
}
