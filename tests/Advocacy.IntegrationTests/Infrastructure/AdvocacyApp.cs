using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace Advocacy.IntegrationTests.Infrastructure;

/// <summary>
/// The real host, through its real HTTP pipeline, on a PostgreSQL database of its own (created and
/// migrated at start, dropped at the end) and the real in-process bus. One per test class;
/// <see cref="ResetAsync"/> empties the module schemas between tests. The database is a copy of a
/// template the first app of a test run migrates and gives its users: copying takes a tenth of migrating.
/// </summary>
public class AdvocacyApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The password of the test users (one per role, created as the host creates demo users).</summary>
    public const string Password = "Test-Password-2026!";

    public static readonly string[] ModuleSchemas = ["projects", "coalitions", "events", "reports"];

    private readonly Dictionary<string, string> _tokens = new();
    private Respawner? _respawner;

    public AdvocacyApp()
    {
        ServerConnectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Advocacy")
            ?? throw new InvalidOperationException(
                "No PostgreSQL to test against: run ./test.sh, or set ConnectionStrings__Advocacy to a server the tests may create databases on.");
        _ownDatabaseName = $"advocacy_test_{Guid.NewGuid():N}";
    }

    private readonly string _ownDatabaseName;

    /// <summary>Start on this database (left by an earlier app) instead of a new one.</summary>
    public string? ExistingDatabase { get; init; }

    /// <summary>Leave the database in place when this app stops, for a later app to start on.</summary>
    public bool KeepDatabase { get; init; }

    /// <summary>Whether this host publishes its outboxes (false: a process that dies between commit and publish).</summary>
    public bool DispatchOutbox { get; init; } = true;

    /// <summary>Serve on a real Kestrel port on 127.0.0.1 (for a browser) instead of the in-memory test server.</summary>
    public bool RealServer { get; init; }

    /// <summary>The address a browser reaches the host at, when <see cref="RealServer"/>.</summary>
    public Uri ServerAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Whether the host loads the demo data at start, as the run command has it do.</summary>
    protected virtual bool SeedDemoData => false;

    /// <summary>The server the test databases are created on.</summary>
    public string ServerConnectionString { get; }

    public string DatabaseName => ExistingDatabase ?? _ownDatabaseName;

    /// <summary>This app's own database.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = DatabaseName }.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Advocacy"] = ConnectionString,
            ["Demo:UserPassword"] = Password,
            ["Demo:SeedData"] = SeedDemoData ? "true" : "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Console:FormatterName"] = "simple",
            ["Messaging:DispatchOutbox"] = DispatchOutbox ? "true" : "false",
        }));
    }

    public async Task InitializeAsync()
    {
        if (ExistingDatabase is null)
        {
            await CreateFromTemplateAsync();
        }
        // Starting the server runs the host's start-up: migrations, roles, test users.
        if (RealServer)
        {
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            StartServer();
        }
        else
        {
            _ = Server;
        }
        await using var connection = await OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ModuleSchemas,
            TablesToIgnore = [new Table("__ef_migrations")],
        });
    }

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    private async Task CreateFromTemplateAsync()
    {
        try
        {
            await ExecuteOnServerAsync($"CREATE DATABASE \"{DatabaseName}\" TEMPLATE \"{await TemplateAsync()}\"");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // Another test run, of another build, dropped the template as stale: make it again.
            _template = null;
            await ExecuteOnServerAsync($"CREATE DATABASE \"{DatabaseName}\" TEMPLATE \"{await TemplateAsync()}\"");
        }
    }

    /// <summary>
    /// The name of a database migrated, with its roles and test users, by this build's host. Named after
    /// the build, so a change to a migration or to the start-up makes a new one (and the old one is dropped).
    /// </summary>
    private async Task<string> TemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }
            var name = $"advocacy_template_{BuildHash()}";
            await using var server = new NpgsqlConnection(ServerConnectionString);
            await server.OpenAsync();
            var existing = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'advocacy\\_template\\_%'", server))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    existing.Add(reader.GetString(0));
                }
            }
            if (!existing.Contains(name))
            {
                await BuildTemplateAsync(server, name);
            }
            // Only finished templates: one being built (a longer name) belongs to a run still starting.
            foreach (var stale in existing.Where(database => database != name && database.Length == name.Length))
            {
                try
                {
                    await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{stale}\"");
                }
                catch (PostgresException)
                {
                    // In use by a test run of that build: it goes next time.
                }
            }
            return _template = name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private async Task BuildTemplateAsync(NpgsqlConnection server, string name)
    {
        // Built under a name of its own and renamed when complete, so a half-built template is never copied.
        var building = $"{name}_{Guid.NewGuid():N}"[..63];
        await ExecuteAsync(server, $"CREATE DATABASE \"{building}\"");
        var app = new AdvocacyApp { ExistingDatabase = building, KeepDatabase = true, DispatchOutbox = false };
        await ((IAsyncLifetime)app).InitializeAsync();
        await ((IAsyncLifetime)app).DisposeAsync();
        // A copy needs the template to have no session left.
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(server, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{building}'");
        try
        {
            await ExecuteAsync(server, $"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
            // No session may be open on a template while it is copied, autovacuum's included: allow none.
            await ExecuteAsync(server, $"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS false");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another test run built it meanwhile.
            await ExecuteAsync(server, $"DROP DATABASE \"{building}\" WITH (FORCE)");
        }
    }

    /// <summary>
    /// Identifies the build of the host and every Advocacy assembly it uses, directly or not (their builds are
    /// deterministic), and the test password.
    /// </summary>
    private static string BuildHash()
    {
        var found = new SortedDictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(Program).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (found.TryAdd(assembly.GetName().Name!, assembly))
            {
                foreach (var reference in assembly.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("Advocacy.", StringComparison.Ordinal)))
                {
                    pending.Push(Assembly.Load(reference));
                }
            }
        }
        var identity = string.Join(",", found.Values.Select(a => a.ManifestModule.ModuleVersionId)) + Password;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        await ExecuteAsync(server, sql);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Empties every module's tables (users and roles stay).</summary>
    public async Task ResetAsync()
    {
        // The outbox dispatchers, consumers still finishing the last test's messages and the export runner
        // keep running; their row locks can deadlock with the reset's deletes. PostgreSQL picks one side
        // to fail: try again, backing off a little so the other side can finish.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await OpenAsync();
                await _respawner!.ResetAsync(connection);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt));
            }
        }
    }

    /// <summary>A connection to this app's database, for assertions on what was (not) written.</summary>
    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs a scalar query on this app's database.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A client signed in with a bearer token as the test user of <paramref name="role"/>.</summary>
    public async Task<HttpClient> ClientAsync(string role)
    {
        if (!_tokens.TryGetValue(role, out var token))
        {
            token = await TokenAsync($"{role}@{Host.Startup.DatabaseStartup.DemoDomain}", Password);
            _tokens[role] = token;
        }
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> TokenAsync(string email, string password)
    {
        using var anonymous = CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return body!.AccessToken;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (KeepDatabase)
        {
            return;
        }
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)");
    }

    private sealed record TokenResponse(string AccessToken);
}
