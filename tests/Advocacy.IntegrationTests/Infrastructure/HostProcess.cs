using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Advocacy.IntegrationTests.Infrastructure;

/// <summary>
/// The built host as a real child process (<c>dotnet Advocacy.Host.dll</c>) on a loopback port of its own, for
/// what an in-process host cannot show: a SIGKILL, a SIGTERM, two processes sharing a database. It migrates and
/// creates the test users (<see cref="AdvocacyApp.Password"/>) at start, as every host does; the database is created
/// by the first host that starts on it.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    // Generous: a fresh database is migrated first, and CI machines are shared.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(240);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Dictionary<string, string> _tokens = new();

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    /// <summary>An anonymous client of this process.</summary>
    public HttpClient Client { get; }

    public int ExitCode => _process.ExitCode;

    /// <summary>What the process wrote to stdout and stderr so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the host on <paramref name="connectionString"/> (a database of its own) with extra configuration
    /// <paramref name="settings"/> (keys as in appsettings, "Section:Key"), and waits until <c>/health/ready</c> answers 200.
    /// </summary>
    public static async Task<HostProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var hostDll = Path.Combine(AppContext.BaseDirectory, "Advocacy.Host.dll");
        var start = new ProcessStartInfo("dotnet", [hostDll])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings:Advocacy"] = connectionString,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Demo:UserPassword"] = AdvocacyApp.Password,
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Advocacy"] = "Information",
            // A burst from one test user is not an attack.
            ["RateLimits:ApiPerMinute"] = "1000000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start };
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, line) => host.Append(line.Data);
        process.ErrorDataReceived += (_, line) => host.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReadyAsync(StartTimeout);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200; fails with the process's output otherwise.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"The host exited with {_process.ExitCode} before it was ready:\n{Output}");
            }
            if (await ReadyAsync())
            {
                return;
            }
            if (deadline.Elapsed > timeout)
            {
                Assert.Fail($"The host was not ready after {timeout.TotalSeconds:0} s:\n{Output}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Whether <c>/health/ready</c> answers 200 now (false when it answers otherwise or not at all).</summary>
    public async Task<bool> ReadyAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            using var response = await Client.GetAsync("/health/ready", timeout.Token);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>A bearer token for the test user of <paramref name="role"/>, issued by this process.</summary>
    public async Task<string> TokenAsync(string role)
    {
        if (!_tokens.TryGetValue(role, out var token))
        {
            var response = await Client.PostAsJsonAsync("/api/auth/token",
                new { email = $"{role}@{Host.Startup.DatabaseStartup.DemoDomain}", password = AdvocacyApp.Password });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString()!;
            _tokens[role] = token;
        }
        return token;
    }

    /// <summary>A client signed in with a bearer token as the test user of <paramref name="role"/>.</summary>
    public async Task<HttpClient> ClientAsync(string role) => ClientWithToken(await TokenAsync(role));

    /// <summary>A client of this process presenting <paramref name="token"/> (which another process may have issued).</summary>
    public HttpClient ClientWithToken(string token)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the process to stop (SIGTERM), as a service manager does, and waits until it has exited.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
            Assert.True(kill.ExitCode == 0, $"Could not send SIGTERM to {_process.Id}");
        }
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        Client.Dispose();
        _process.Dispose();
    }

    /// <summary>A connection string to a new database name on <paramref name="serverConnectionString"/>'s server.</summary>
    public static string NewDatabase(string serverConnectionString) =>
        new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = $"advocacy_test_{Guid.NewGuid():N}" }.ConnectionString;

    /// <summary>Drops the database of <paramref name="connectionString"/>, if there is one.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database!;
        builder.Database = "postgres";
        await using var server = new NpgsqlConnection(builder.ConnectionString);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>A TCP port nothing listens on now.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
