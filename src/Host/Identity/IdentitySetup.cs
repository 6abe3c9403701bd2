using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Advocacy.Host.Identity;

internal static class IdentitySetup
{
    /// <summary>
    /// ASP.NET Core Identity on PostgreSQL with cookies for the browser and bearer tokens for API
    /// clients (one scheme picks between them per request), and default-deny authorization.
    /// </summary>
    public static WebApplicationBuilder AddAdvocacyIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.AddModuleDatabase<IdentityDb>(IdentityDb.Schema);
        builder.Services.AddValidatorsFromAssemblyContaining<SignInValidator>(includeInternalTypes: true);
        builder.Services.AddScoped<IUserDirectory, UserDirectory>();
        builder.Services.AddScoped<IClaimsTransformation, ProjectAccessClaims>();
        builder.Services
            .AddIdentityApiEndpoints<IdentityUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<IdentityDb>();

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "advocacy.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            // Secure everywhere but on the developer's own machine and in tests, which speak plain HTTP.
            cookie.Cookie.SecurePolicy = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing")
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always;
        });
        // Keys that sign cookies and tokens live in PostgreSQL: a restart keeps everyone signed in,
        // and any instance reads any other's cookies.
        builder.Services.AddDataProtection().SetApplicationName("Advocacy").PersistKeysToDbContext<IdentityDb>();

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Read, policy => policy.RequireRole(Roles.All))
            .AddPolicy(Policies.Write, policy => policy.RequireRole(Roles.Staff, Roles.Manager, Roles.Admin))
            .AddPolicy(Policies.Manage, policy => policy.RequireRole(Roles.Manager, Roles.Admin))
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin));
        return builder;
    }
}
