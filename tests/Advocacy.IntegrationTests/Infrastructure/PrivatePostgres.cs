using Npgsql;

namespace Advocacy.IntegrationTests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of the test's own, which it may stop and start (the shared cluster other tests run on must
/// never be): initialised by scripts/local-postgres.sh in a temporary folder on a free port, driven with pg_ctl,
/// and removed at the end.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _folder;
    private readonly int _port;

    private PrivatePostgres(string folder, int port, string serverConnectionString)
    {
        _folder = folder;
        _port = port;
        ServerConnectionString = serverConnectionString;
    }

    /// <summary>The server's connection string, without a database.</summary>
    public string ServerConnectionString { get; }

    private string DataDirectory => Path.Combine(_folder, "postgres");

    public static async Task<PrivatePostgres> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("advocacy-postgres-").FullName;
        // Temporary folders are the creator's alone; the server's user (postgres, when run as root) must enter it,
        // or the script would keep the cluster in a folder of its choosing.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        }
        var port = HostProcess.FreePort();
        var (exitCode, output) = await Commands.RunAsync("bash", [Path.Combine(Commands.RepositoryRoot(), "scripts", "local-postgres.sh")],
            new Dictionary<string, string> { ["ADVOCACY_PG_STATE"] = folder, ["ADVOCACY_PG_PORT"] = $"{port}" });
        Assert.True(exitCode == 0, $"scripts/local-postgres.sh could not start a private cluster:\n{output}");
        var connectionString = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(line => line.StartsWith("Host=", StringComparison.Ordinal));
        return new PrivatePostgres(folder, port, connectionString);
    }

    /// <summary>A connection string to a new database of this cluster (the host creates it at start).</summary>
    public string NewDatabase() => HostProcess.NewDatabase(ServerConnectionString);

    /// <summary>Stops the server, as an operator would for a restart: connections are closed, open transactions roll back.</summary>
    public Task StopAsync() => PgCtlAsync("stop", "-m", "fast", "-w", "-t", "60");

    public Task StartAgainAsync() =>
        PgCtlAsync("start", "-w", "-t", "60", "-l", Path.Combine(DataDirectory, "server.log"), "-o", $"-p {_port}");

    private async Task PgCtlAsync(params string[] arguments)
    {
        var pgCtl = Path.Combine(Directory.GetDirectories("/usr/lib/postgresql").Order().Last(), "bin", "pg_ctl");
        string[] command = [pgCtl, "-D", DataDirectory, .. arguments];
        // PostgreSQL refuses to run as root: as root, it runs as the postgres user (as local-postgres.sh has it).
        var (exitCode, output) = Environment.UserName == "root"
            ? await Commands.RunAsync("runuser", ["-u", "postgres", "--", .. command])
            : await Commands.RunAsync(command[0], command[1..]);
        Assert.True(exitCode == 0, $"pg_ctl {arguments[0]} failed:\n{output}");
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await PgCtlAsync("stop", "-m", "immediate", "-w");
        }
        catch (Exception)
        {
            // Already stopped (a failed test may leave it so); the folder goes either way.
        }
        Directory.Delete(_folder, recursive: true);
    }
}
