using System.Net;
using System.Text.RegularExpressions;
using Advocacy.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Advocacy.IntegrationTests.Pages;

/// <summary>
/// A browser without a browser: signed in with the cookie through the sign-in page, it reads pages and
/// posts their forms with the antiforgery token the page handed out, as a browser would.
/// </summary>
public sealed partial class PageClient(HttpClient client) : IDisposable
{
    public HttpClient Http => client;

    /// <summary>Signs in as the test user of <paramref name="role"/> through the sign-in page; redirects are not followed.</summary>
    public static async Task<PageClient> SignInAsync(AdvocacyApp app, string role, string? language = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }
        var page = new PageClient(client);
        var response = await page.PostAsync("/sign-in", [
            new("Email", $"{role}@{Host.Startup.DatabaseStartup.DemoDomain}"),
            new("Password", AdvocacyApp.Password),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return page;
    }

    /// <summary>A page's HTML, after checking it answered 200.</summary>
    public async Task<string> GetAsync(string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        return html;
    }

    /// <summary>
    /// Opens <paramref name="url"/> for its antiforgery token, then posts <paramref name="fields"/> to it
    /// (to the page handler <paramref name="handler"/> when given).
    /// </summary>
    public async Task<HttpResponseMessage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? handler = null)
    {
        var form = await GetAsync(url);
        var token = Value(form, "__RequestVerificationToken") ?? throw new InvalidOperationException($"{url} has no antiforgery token.");
        var target = handler is null ? url : $"{url}{(url.Contains('?') ? '&' : '?')}handler={handler}";
        return await client.PostAsync(target, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>The value of the first input named <paramref name="name"/> in <paramref name="html"/>, or null.</summary>
    public static string? Value(string html, string name)
    {
        foreach (Match input in InputTag().Matches(html))
        {
            if (input.Value.Contains($"name=\"{name}\"", StringComparison.Ordinal) && ValueAttribute().Match(input.Value) is { Success: true } value)
            {
                return WebUtility.HtmlDecode(value.Groups[1].Value);
            }
        }
        return null;
    }

    /// <summary>The field error shown for <paramref name="field"/> (e.g. "Input.Title"), or null when there is none.</summary>
    public static string? FieldError(string html, string field)
    {
        var id = Regex.Replace(field, @"[.\[\]]", "_") + "-error";
        var match = Regex.Match(html, $"<span[^>]*id=\"{Regex.Escape(id)}\"[^>]*>([^<]*)</span>");
        return match.Success && match.Groups[1].Value.Trim().Length > 0 ? WebUtility.HtmlDecode(match.Groups[1].Value.Trim()) : null;
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputTag();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
