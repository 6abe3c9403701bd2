using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Data;
using Advocacy.Host.Identity;
using Advocacy.Modules.Coalitions;
using Advocacy.Modules.Events;
using Advocacy.Modules.Projects;
using Advocacy.Modules.Reports;
using Microsoft.AspNetCore.Identity;

namespace Advocacy.Host.Startup;

/// <summary>Options for what the host loads at start, beyond migrations.</summary>
internal sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Load the demo projects, coalitions and events from the organisation's seed texts.</summary>
    public bool SeedData { get; set; }

    /// <summary>
    /// Create one demo user per role with this password. For the local demo only: set by the run
    /// script, never in a deployment.
    /// </summary>
    public string? UserPassword { get; set; }
}

/// <summary>
/// Runs before every other hosted service: applies each module's pending migrations, makes sure the
/// roles exist, and loads the demo users and data when asked to.
/// </summary>
internal sealed class DatabaseStartup(IServiceProvider services, IConfiguration configuration, ILogger<DatabaseStartup> logger) : IHostedService
{
    public const string DemoDomain = "demo.advocacy.local";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(services, cancellationToken);
        await EnsureRolesAsync(cancellationToken);

        var demo = configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        if (!string.IsNullOrEmpty(demo.UserPassword))
        {
            await EnsureDemoUsersAsync(demo.UserPassword);
        }
        if (demo.SeedData)
        {
            await services.SeedProjectsDemoDataAsync(cancellationToken);
            await services.SeedCoalitionsDemoDataAsync(cancellationToken);
            await services.SeedEventsDemoDataAsync(cancellationToken);
            await services.SeedReportsDemoDataAsync(cancellationToken);
            logger.LogInformation("Demo data loaded");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILogger<DatabaseStartup>>();
        foreach (var database in services.GetServices<IModuleDatabase>())
        {
            await database.MigrateAsync(services, cancellationToken);
            logger.LogInformation("Schema {Schema} is up to date", database.Schema);
        }
    }

    private async Task EnsureRolesAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }
    }

    private async Task EnsureDemoUsersAsync(string password)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        foreach (var role in Roles.All)
        {
            var email = $"{role}@{DemoDomain}";
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
                Check(await users.CreateAsync(user, password), $"demo user {email}");
            }
            if (!await users.IsInRoleAsync(user, role))
            {
                Check(await users.AddToRoleAsync(user, role), $"role of {email}");
            }
        }
        logger.LogWarning("Demo users exist ({Roles} @{Domain}): for the local demo only", string.Join(", ", Roles.All), DemoDomain);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}

internal static class DatabaseStartupRegistration
{
    public static WebApplicationBuilder AddDatabaseStartup(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<DatabaseStartup>();
        return builder;
    }
}
