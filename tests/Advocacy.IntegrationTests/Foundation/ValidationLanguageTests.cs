using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.IntegrationTests.Pages;

namespace Advocacy.IntegrationTests.Foundation;

/// <summary>
/// Validation errors speak the reader's language: the validators' own messages (from resources) and
/// FluentValidation's built-in ones, in API problem responses and on page forms alike.
/// </summary>
public sealed class ValidationLanguageTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly object InvalidProject = new
    {
        code = "RE ACT", name = "", level = "european", startDate = "2020-01-01", endDate = "2019-01-01", countries = new[] { "BE", "XX" },
    };

    [Theory]
    [InlineData("en", "Code may hold only letters, digits, '-' and '_'.", "'XX' is not an ISO 3166-1 alpha-2 country code (e.g. BE, CO, RO).",
        "End date must not be before the start date.", "must not be empty")]
    [InlineData("fr", "Le code ne peut contenir que des lettres, des chiffres, « - » et « _ ».", "« XX » n’est pas un code pays ISO 3166-1 alpha-2 (p. ex. BE, CO, RO).",
        "La date de fin ne peut pas précéder la date de début.", "ne doit pas être vide")]
    [InlineData("nl", "De code mag alleen letters, cijfers, ‘-’ en ‘_’ bevatten.", "‘XX’ is geen ISO 3166-1 alpha-2-landcode (bv. BE, CO, RO).",
        "De einddatum mag niet vóór de begindatum liggen.", "mag niet leeg zijn")]
    public async Task An_invalid_request_answers_its_errors_in_the_language_asked_with_Accept_Language(
        string language, string code, string country, string endDate, string empty)
    {
        var client = await app.ClientAsync(Roles.Staff);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/projects") { Content = JsonContent.Create(InvalidProject) };
        request.Headers.AcceptLanguage.ParseAdd(language);

        var errors = await ErrorsAsync(await client.SendAsync(request));

        Assert.Equal([code], errors["code"]);
        Assert.Equal([country], errors["countries[1]"]);
        Assert.Equal([endDate], errors["endDate"]);
        Assert.Contains(empty, Assert.Single(errors["name"]));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.projects"));
    }

    [Fact]
    public async Task The_culture_cookie_of_the_language_switch_picks_the_language_of_the_errors_too()
    {
        var client = await app.ClientAsync(Roles.Staff);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/projects") { Content = JsonContent.Create(InvalidProject) };
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dnl%7Cuic%3Dnl");
        request.Headers.AcceptLanguage.ParseAdd("fr");

        var errors = await ErrorsAsync(await client.SendAsync(request));

        Assert.Equal(["De einddatum mag niet vóór de begindatum liggen."], errors["endDate"]);
    }

    [Theory]
    [InlineData("fr", "L’heure de fin doit être postérieure à l’heure de début.", "Indiquez l’organisme qui organise l’événement.", "ne doit pas être vide")]
    [InlineData("nl", "De eindtijd moet na de begintijd liggen.", "Geef de organisatie op die het evenement organiseert.", "mag niet leeg zijn")]
    public async Task A_page_form_shows_the_validators_messages_in_the_readers_language(string language, string endTime, string organiser, string empty)
    {
        using var browser = await PageClient.SignInAsync(app, Roles.Staff, language);

        var response = await browser.PostAsync("/events/plan", EventPagesTests.InvalidPlan);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(endTime, PageClient.FieldError(html, "Input.Sessions[0].EndTime"));
        Assert.Equal(organiser, PageClient.FieldError(html, "Input.OrganiserName"));
        Assert.Contains(empty, PageClient.FieldError(html, "Input.Title"));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM events.events"));
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}
