using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Advocacy.IntegrationTests.Foundation;

/// <summary>Default-deny authorization, bearer tokens for API clients, cookies for the browser.</summary>
public sealed class AuthenticationTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>
{
    public static TheoryData<string> ModuleEndpoints => new("/api/projects", "/api/coalitions", "/api/events", "/api/reports/projects");

    [Theory]
    [MemberData(nameof(ModuleEndpoints))]
    public async Task An_anonymous_call_to_a_module_endpoint_gets_401_problem(string path)
    {
        using var anonymous = app.CreateClient();

        var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(ModuleEndpoints))]
    public async Task The_same_call_with_a_staff_token_gets_200(string path)
    {
        var client = await app.ClientAsync(Roles.Staff);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task An_anonymous_write_gets_401_and_writes_nothing()
    {
        using var anonymous = app.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/coalitions", new { name = "Kinderrechtencoalitie", level = "national" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM coalitions.coalitions WHERE name = 'Kinderrechtencoalitie'"));
    }

    [Fact]
    public async Task A_forged_token_gets_401()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8-not-a-real-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/projects")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_gets_401_problem_and_no_token()
    {
        using var anonymous = app.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { email = $"admin@{Host.Startup.DatabaseStartup.DemoDomain}", password = "not-the-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(problem.TryGetProperty("accessToken", out _));
    }

    [Fact]
    public async Task A_signed_in_user_without_a_role_gets_403()
    {
        var email = $"norole-{Guid.NewGuid():N}@example.org";
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var result = await users.CreateAsync(new IdentityUser { UserName = email, Email = email }, AdvocacyApp.Password);
            Assert.True(result.Succeeded);
        }
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(email, AdvocacyApp.Password));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/projects")).StatusCode);
    }

    [Fact]
    public async Task The_browser_signs_in_with_a_cookie_and_out_again()
    {
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

        var signIn = await browser.PostAsJsonAsync("/api/auth/sign-in", new { email = $"manager@{Host.Startup.DatabaseStartup.DemoDomain}", password = AdvocacyApp.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("advocacy.auth=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));

        var me = await browser.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal("manager", Assert.Single(me.GetProperty("roles").EnumerateArray()).GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/api/auth/sign-out", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task The_keys_that_sign_tokens_are_kept_in_PostgreSQL()
    {
        await app.ClientAsync(Roles.Admin);

        Assert.True(await app.ScalarAsync<long>("SELECT count(*) FROM identity.data_protection_keys") >= 1);
    }
}
