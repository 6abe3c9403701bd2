using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Coalitions;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Pages;

/// <summary>The Coalitions pages over HTTP, as a browser posts them: they run the endpoints' validators and handlers.</summary>
public sealed class CoalitionPagesTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    [Fact]
    public async Task Recording_a_coalition_meeting_with_a_follow_up_through_the_page_stores_both_and_lists_the_follow_up_as_mine()
    {
        var kit = new CoalitionsKit(app);
        var (api, me) = await kit.UserAsync(Roles.Staff);
        var project = await kit.KnownProjectAsync(api, "REACT");
        var coalition = await CoalitionsKit.RegisterAsync(api);
        using var browser = await PageClient.SignInAsync(app, Roles.Staff);
        var today = CoalitionsKit.Today;

        var response = await browser.PostAsync($"/coalitions/{coalition}/meetings/record", [
            F("Input.Date", today.ToString("yyyy-MM-dd")), F("Input.Agenda", "Joint position on the rights of unaccompanied foreign minors"),
            F("Input.AttendeeUserIds", me), F("Input.ProjectIds", project.ToString()),
            F("Input.FollowUps[0].Action", "Send our comments on the draft position"), F("Input.FollowUps[0].OwnerUserId", me),
            F("Input.FollowUps[0].DueDate", today.AddDays(3).ToString("yyyy-MM-dd")),
            F("Input.FollowUps[1].Action", ""), F("Input.FollowUps[1].OwnerUserId", me), F("Input.FollowUps[1].DueDate", ""),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/coalitions/{coalition}", response.Headers.Location!.OriginalString);
        Assert.Equal((1L, 1L), (await kit.CountAsync("meetings"), await kit.CountAsync("follow_ups")));
        Assert.Contains("Send our comments on the draft position", await browser.GetAsync($"/coalitions/{coalition}"));
        var mine = await browser.GetAsync("/coalitions/follow-ups");
        Assert.Contains("Send our comments on the draft position", mine);
    }

    [Fact]
    public async Task Recording_a_meeting_with_a_follow_up_due_before_it_shows_the_error_on_that_row_and_writes_nothing()
    {
        var kit = new CoalitionsKit(app);
        var (api, me) = await kit.UserAsync(Roles.Staff);
        var coalition = await CoalitionsKit.RegisterAsync(api);
        using var browser = await PageClient.SignInAsync(app, Roles.Staff);

        var response = await browser.PostAsync($"/coalitions/{coalition}/meetings/record", [
            F("Input.Date", "2026-03-01"), F("Input.AttendeeUserIds", me),
            F("Input.FollowUps[0].Action", ""), F("Input.FollowUps[0].OwnerUserId", me), F("Input.FollowUps[0].DueDate", ""),
            F("Input.FollowUps[1].Action", "Circulate the minutes"), F("Input.FollowUps[1].OwnerUserId", me), F("Input.FollowUps[1].DueDate", "2026-02-01"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.NotNull(PageClient.FieldError(html, "Input.FollowUps[1].DueDate"));
        Assert.Equal(0L, await kit.RowsAsync() - await kit.CountAsync("coalitions"));
    }

    [Fact]
    public async Task Creating_a_statement_through_the_page_records_one_signatory_per_line()
    {
        var kit = new CoalitionsKit(app);
        var (api, _) = await kit.UserAsync(Roles.Staff);
        var coalition = await CoalitionsKit.RegisterAsync(api, "Initiative for Children in Migration", "european");
        using var browser = await PageClient.SignInAsync(app, Roles.Staff);
        var signatories = Enumerable.Range(1, 11).Select(i => $"Member organisation {i}").Prepend("ECPAT Belgium").ToList();

        var response = await browser.PostAsync($"/coalitions/statements/new?coalitionId={coalition}", [
            F("Input.Title", "Joint statement on child protection in migration"), F("Input.Date", "2026-03-01"),
            F("Input.Kind", "Statement"), F("Input.CoalitionId", coalition.ToString()),
            F("Input.AddressedTo", "European institutions"), F("Input.Signatories", string.Join("\r\n", signatories) + "\r\n\r\n"),
            F("Input.SignedByUs", "true"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var statements = await api.GetFromJsonAsync<JsonElement>($"/api/statements?coalitionId={coalition}");
        var statement = Assert.Single(statements.GetProperty("items").EnumerateArray());
        Assert.Equal(12, statement.GetProperty("signatoryCount").GetInt32());
        Assert.Contains("Joint statement on child protection in migration", await browser.GetAsync($"/coalitions/{coalition}"));
    }

    [Fact]
    public async Task A_statement_listing_an_organisation_twice_shows_the_error_and_writes_nothing()
    {
        var kit = new CoalitionsKit(app);
        using var browser = await PageClient.SignInAsync(app, Roles.Staff);

        var response = await browser.PostAsync("/coalitions/statements/new", [
            F("Input.Title", "Network statement"), F("Input.Date", "2026-03-01"), F("Input.AddressedTo", "Council of Europe"),
            F("Input.Signatories", "ECPAT Belgium\nMissing Children Europe\necpat belgium"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("An organisation is listed twice.", PageClient.FieldError(await response.Content.ReadAsStringAsync(), "Input.Signatories"));
        Assert.Equal(0L, await kit.RowsAsync());
    }
}
