using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Flows;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Pages;

/// <summary>The Events pages over HTTP, as a browser posts them: they run the endpoints' validators and handlers.</summary>
public sealed class EventPagesTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    /// <summary>An event form with no title, a session ending before it starts, no place and no organiser.</summary>
    internal static readonly KeyValuePair<string, string>[] InvalidPlan =
    [
        F("Input.Title", ""), F("Input.Kind", "Training"),
        F("Input.Sessions[0].Date", "2026-11-18"), F("Input.Sessions[0].StartTime", "14:00"), F("Input.Sessions[0].EndTime", "10:00"),
        F("Input.Place", ""), F("Input.OrganisedByUs", "false"),
    ];

    [Fact]
    public async Task Planning_an_event_and_marking_it_held_through_the_pages_logs_the_activity_in_the_linked_project()
    {
        var api = await app.ClientAsync(Roles.Staff);
        var project = await EventToActivityFlowTests.ProjectKnownToEventsAsync(app, api, "HOTEL-CODE");
        using var browser = await PageClient.SignInAsync(app, Roles.Staff);

        var planned = await browser.PostAsync("/events/plan", [
            F("Input.Title", "Training for ACCOR Belgium's managers"), F("Input.Kind", "Training"),
            F("Input.Sessions[0].Date", "2015-09-08"), F("Input.Sessions[0].StartTime", "09:30"), F("Input.Sessions[0].EndTime", "12:30"),
            F("Input.Sessions[1].Date", "2015-09-22"), F("Input.Sessions[2].Date", ""),
            F("Input.Place", "Brussels"), F("Input.Country", "BE"), F("Input.OrganisedByUs", "true"),
            F("Input.ProjectIds", project.ToString()),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var eventPage = planned.Headers.Location!.OriginalString;
        Assert.Matches("^/events/[0-9a-f-]{36}$", eventPage);
        Assert.Contains("Training for ACCOR Belgium&#x27;s managers", await browser.GetAsync(eventPage));

        var attendanceForm = await browser.GetAsync($"{eventPage}/attendance");
        var held = await browser.PostAsync($"{eventPage}/attendance", [
            F("Input.Version", PageClient.Value(attendanceForm, "Input.Version")!),
            F("Input.Attendance[0].Audience", "Professionals"), F("Input.Attendance[0].Gender", "Female"), F("Input.Attendance[0].Count", "20"),
            F("Input.Attendance[1].Audience", "Professionals"), F("Input.Attendance[1].Gender", "Male"), F("Input.Attendance[1].Count", "17"),
            F("Input.Attendance[2].Audience", ""), F("Input.Attendance[2].Gender", ""), F("Input.Attendance[2].Count", ""),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);

        var activity = await Eventually.Get(async () =>
            (await api.GetFromJsonAsync<JsonElement>($"/api/activities?projectId={project}")).GetProperty("items").EnumerateArray()
                .Select(a => (JsonElement?)a).FirstOrDefault() is { } found ? (object)found : null,
            "the held training in the project's log");
        var logged = (JsonElement)activity;
        Assert.Equal(("training", "2015-09-08", 37), (logged.GetProperty("type").GetString(), logged.GetProperty("date").GetString(), logged.GetProperty("totalReach").GetInt32()));
    }

    [Fact]
    public async Task Planning_an_event_with_bad_input_shows_field_errors_and_writes_nothing()
    {
        using var browser = await PageClient.SignInAsync(app, Roles.Staff);

        var response = await browser.PostAsync("/events/plan", InvalidPlan);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"error-summary\"", html);
        Assert.NotNull(PageClient.FieldError(html, "Input.Title"));
        Assert.NotNull(PageClient.FieldError(html, "Input.Place"));
        Assert.NotNull(PageClient.FieldError(html, "Input.OrganiserName"));
        Assert.Equal("The end time must be after the start time.", PageClient.FieldError(html, "Input.Sessions[0].EndTime"));
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT (SELECT count(*) FROM events.events) + (SELECT count(*) FROM events.outbox_messages)"));
    }

    [Fact]
    public async Task Adding_a_session_row_is_a_round_trip_that_keeps_what_was_typed_and_writes_nothing()
    {
        using var browser = await PageClient.SignInAsync(app, Roles.Staff);

        var response = await browser.PostAsync("/events/plan", [
            F("Input.Title", "European Day on the Protection of Children against Sexual Exploitation"), F("Input.Kind", "AwarenessDay"),
            F("Input.Sessions[0].Date", "2026-11-18"), F("Input.OrganisedByUs", "true"),
        ], handler: "AddSession");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("value=\"European Day on the Protection of Children against Sexual Exploitation\"", html);
        Assert.Contains("name=\"Input.Sessions[1].Date\"", html);
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM events.events"));
    }

    [Fact]
    public async Task The_events_list_shows_upcoming_events_in_the_readers_language()
    {
        var api = await app.ClientAsync(Roles.Staff);
        await (await api.PostAsJsonAsync("/api/events", new
        {
            title = "European Day on the Protection of Children against Sexual Exploitation and Sexual Abuse",
            kind = "awarenessDay",
            sessions = new[] { new { date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd") } },
            organisedByUs = true,
        })).JsonAsync(HttpStatusCode.Created);

        foreach (var (language, heading, kind) in new[] { ("en", "Events", "Awareness day"), ("fr", "Événements", "Journée de sensibilisation"), ("nl", "Evenementen", "Sensibiliseringsdag") })
        {
            using var browser = await PageClient.SignInAsync(app, Roles.Staff, language);
            var html = System.Net.WebUtility.HtmlDecode(await browser.GetAsync("/events"));
            Assert.Contains($"<h1>{heading}</h1>", html);
            Assert.Contains(kind, html);
            Assert.Contains("European Day on the Protection of Children", html);
        }
    }
}
