using Advocacy.BuildingBlocks.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Advocacy.BuildingBlocks.Data;

/// <summary>A module's database as the host sees it: a schema to migrate and to check.</summary>
public interface IModuleDatabase
{
    /// <summary>The module's PostgreSQL schema, e.g. <c>projects</c>.</summary>
    string Schema { get; }

    /// <summary>Applies the module's pending migrations.</summary>
    Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>The module's newest audit entries that match <paramref name="filter"/> (at most <paramref name="take"/>), and how many match.</summary>
    Task<(List<AuditEntry> Entries, int Total)> ReadAuditAsync(IServiceProvider services, AuditFilter filter, int take, CancellationToken cancellationToken);
}

/// <summary>What an admin looks for in the audit trail; every part optional.</summary>
public sealed record AuditFilter(string? Entity, string? EntityId, string? UserId, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>Registers a module's own DbContext on its own schema.</summary>
public static class ModuleDatabaseRegistration
{
    /// <summary>The connection string every module uses unless it has its own (<c>ConnectionStrings:{Module}</c>).</summary>
    public const string DefaultConnectionName = "Advocacy";

    /// <summary>
    /// Registers <typeparamref name="TContext"/> on PostgreSQL with snake_case names, its migrations
    /// history in <paramref name="schema"/>, a readiness check and migration at start.
    /// </summary>
    public static IServiceCollection AddModuleDatabase<TContext>(this IServiceCollection services, string schema)
        where TContext : DbContext
    {
        services.AddSingleton<OutboxSignal<TContext>>();
        services.AddHttpContextAccessor();
        services.AddDbContext<TContext>((provider, options) =>
        {
            // Read lazily: test hosts and deployments set the connection string after registration.
            var connectionString = ModuleRoles.ConnectionStringFor(provider.GetRequiredService<IConfiguration>(), schema);
            options
                .UseModuleDatabase(connectionString, schema)
                .AddInterceptors(
                    NoAutoSavepoints.Instance,
                    new OutboxSignalInterceptor<TContext>(provider.GetRequiredService<OutboxSignal<TContext>>()),
                    new AuditInterceptor(provider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>(), provider.GetRequiredService<TimeProvider>()));
        });
        services.AddSingleton<IModuleDatabase>(new ModuleDatabase<TContext>(schema));
        services.AddHealthChecks().AddDbContextCheck<TContext>(name: $"database:{schema}", tags: ["ready"]);
        return services;
    }

    /// <summary>PostgreSQL with snake_case names and the migrations history in the module's own schema.</summary>
    public static DbContextOptionsBuilder UseModuleDatabase(this DbContextOptionsBuilder options, string connectionString, string schema) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations", schema))
            .UseSnakeCaseNamingConvention();

    /// <summary>Publishes the module's outbox in the background.</summary>
    public static IServiceCollection AddOutboxDispatcher<TContext>(this IServiceCollection services)
        where TContext : DbContext =>
        services.AddHostedService<OutboxDispatcher<TContext>>();

    /// <summary>The shared connection string: the database's owner, which migrates every schema.</summary>
    public static string OwnerConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(DefaultConnectionName)
        ?? throw new InvalidOperationException(
            $"No connection string: set ConnectionStrings:{DefaultConnectionName} (environment: ConnectionStrings__{DefaultConnectionName}).");

    private sealed class ModuleDatabase<TContext>(string schema) : IModuleDatabase where TContext : DbContext
    {
        public string Schema => schema;

        public async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            await using var scope = services.CreateAsyncScope();
            // Migrations run as the owner: the module's own role may not create or alter tables.
            var options = new DbContextOptionsBuilder<TContext>()
                .UseModuleDatabase(OwnerConnectionString(scope.ServiceProvider.GetRequiredService<IConfiguration>()), schema).Options;
            await using var db = ActivatorUtilities.CreateInstance<TContext>(scope.ServiceProvider, options);
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(cancellationToken))
            {
                await creator.CreateAsync(cancellationToken);
            }
            // Creating the history table first spares the log an error from EF probing for a table
            // that a new schema does not have yet.
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            await ModuleRoles.GrantAsync(db, schema, cancellationToken);
        }

        public async Task<(List<AuditEntry> Entries, int Total)> ReadAuditAsync(
            IServiceProvider services, AuditFilter filter, int take, CancellationToken cancellationToken)
        {
            await using var scope = services.CreateAsyncScope();
            var audit = scope.ServiceProvider.GetRequiredService<TContext>().Set<AuditEntry>().AsNoTracking();
            if (filter.Entity is { } entity) audit = audit.Where(a => a.Entity == entity);
            if (filter.EntityId is { } entityId) audit = audit.Where(a => a.EntityId == entityId);
            if (filter.UserId is { } userId) audit = audit.Where(a => a.UserId == userId);
            if (filter.From is { } from) audit = audit.Where(a => a.At >= from);
            if (filter.To is { } to) audit = audit.Where(a => a.At <= to);
            var total = await audit.CountAsync(cancellationToken);
            var entries = await audit.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(take).ToListAsync(cancellationToken);
            return (entries, total);
        }
    }
}
