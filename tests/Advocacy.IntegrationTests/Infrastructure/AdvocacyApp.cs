using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
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
/// <see cref="ResetAsync"/> empties the module schemas between tests.
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
            await using var server = new NpgsqlConnection(ServerConnectionString);
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", server);
            await create.ExecuteNonQueryAsync();
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
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private sealed record TokenResponse(string AccessToken);
}
