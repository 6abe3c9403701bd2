using System.Net;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Advocacy;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Pages;

/// <summary>Country names follow the page's language (generated resources), not the server's: Belgium, Belgique, België.</summary>
public sealed class CountryNamesPagesTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>
{
    [Theory]
    [InlineData("en", "Belgium")]
    [InlineData("fr", "Belgique")]
    [InlineData("nl", "België")]
    public async Task The_stakeholders_page_names_a_country_and_its_choices_in_the_readers_language(string language, string belgium)
    {
        var name = $"Chamber of Representatives {language} {Guid.NewGuid():N}"[..40];
        await AdvocacyKit.StakeholderIdAsync(await app.ClientAsync(Roles.Staff), name, kind: "parliament", level: "national", country: "BE");
        using var browser = await PageClient.SignInAsync(app, Roles.Staff, language);

        var html = WebUtility.HtmlDecode(await browser.GetAsync($"/projects/advocacy/stakeholders?search={Uri.EscapeDataString(name)}"));

        Assert.Contains($"<html lang=\"{language}\"", html);
        Assert.Contains($"<td data-label=\"{CountryLabel(language)}\">{belgium}</td>", html);
        Assert.Contains($"<option value=\"BE\">{belgium}</option>", html);
    }

    private static string CountryLabel(string language) => language switch { "fr" => "Pays", "nl" => "Land", _ => "Country" };
}
