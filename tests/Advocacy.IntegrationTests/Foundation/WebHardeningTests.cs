using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Advocacy.IntegrationTests.Foundation;

/// <summary>A host in production mode (secure cookies, HSTS) with rate limits low enough to reach in a test.</summary>
public abstract class HardenedApp(int signInPerMinute, int apiPerMinute) : AdvocacyApp
{
    public int SignInPerMinute => signInPerMinute;

    public int ApiPerMinute => apiPerMinute;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RateLimits:SignInPerMinute"] = signInPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:ApiPerMinute"] = apiPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
    }

    public HttpClient Https() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://advocacy.example"), HandleCookies = false });
}

/// <summary>Sign-ins limited to 3 a minute.</summary>
public sealed class SignInLimitedApp() : HardenedApp(signInPerMinute: 3, apiPerMinute: 1200);

/// <summary>The API limited to 8 requests a minute per user.</summary>
public sealed class ApiLimitedApp() : HardenedApp(signInPerMinute: 10, apiPerMinute: 8);

/// <summary>Security headers, rate limits with Retry-After, and the sign-in cookie's flags.</summary>
public sealed class WebHardeningTests(SignInLimitedApp app) : IClassFixture<SignInLimitedApp>
{
    private HttpClient Https() => app.Https();

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_the_donor_page_allows_exactly_its_own_style()
    {
        var response = await Https().GetAsync("/health/live");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "HSTS outside development");

        var page = await Https().GetAsync("/donor/no-such-token");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)));
        Assert.Contains($"style-src 'sha256-{hash}'", page.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Repeated_sign_ins_from_one_address_get_429_with_Retry_After_even_for_other_accounts()
    {
        var client = Https();
        for (var i = 0; i < app.SignInPerMinute; i++)
        {
            var failed = await client.PostAsJsonAsync("/api/auth/token", new { email = $"nobody{i}@example.org", password = "wrong-password-123" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var limited = await client.PostAsJsonAsync("/api/auth/token", new { email = "someone-else@example.org", password = "wrong-password-123" });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        var problem = await limited.JsonAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
    }
}

/// <summary>The API's limit per user, and the cookie's flags in production.</summary>
public sealed class ApiRateLimitTests(ApiLimitedApp app) : IClassFixture<ApiLimitedApp>
{
    [Fact]
    public async Task A_user_over_the_API_limit_gets_429_while_another_user_goes_on_and_the_cookie_is_secure_and_HTTP_only()
    {
        var signIn = await app.Https().PostAsJsonAsync("/api/auth/sign-in",
            new { email = $"{Roles.Manager}@{Host.Startup.DatabaseStartup.DemoDomain}", password = AdvocacyApp.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("advocacy.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);

        var staff = await app.ClientAsync(Roles.Staff);
        HttpResponseMessage last = null!;
        for (var i = 0; i <= app.ApiPerMinute; i++)
        {
            last = await staff.GetAsync("/api/projects");
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.True(last.Headers.Contains("Retry-After"));

        var admin = await app.ClientAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/projects")).StatusCode);
    }
}
