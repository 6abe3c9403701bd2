using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Advocacy.IntegrationTests.Infrastructure;

/// <summary>
/// A RabbitMQ broker of the test's own: Debian's <c>rabbitmq-server</c> (test.sh installs it) run in the foreground,
/// with its data, logs and ports in a temporary folder, and stopped at the end. A broker that cannot start fails
/// the test with its output: the scale-out test never skips.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    private const string Server = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    // Erlang's start on a busy machine takes most of a minute.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(150);

    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _output = new();

    private RabbitMqServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    /// <summary>The AMQP port on 127.0.0.1; the user is RabbitMQ's default guest, which may connect from loopback only.</summary>
    public int Port { get; }

    /// <summary>The host's configuration for this broker.</summary>
    public IReadOnlyDictionary<string, string> HostSettings => new Dictionary<string, string>
    {
        ["Messaging:Transport"] = "RabbitMq",
        ["Messaging:RabbitMq:Host"] = "127.0.0.1",
        ["Messaging:RabbitMq:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Messaging:RabbitMq:Username"] = "guest",
        ["Messaging:RabbitMq:Password"] = "guest",
    };

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<RabbitMqServer> StartAsync()
    {
        Assert.True(File.Exists(Server),
            $"{Server} is missing: install Debian's rabbitmq-server (test.sh does: apt-get install rabbitmq-server).");
        var folder = Directory.CreateTempSubdirectory("advocacy-rabbitmq-").FullName;
        var port = HostProcess.FreePort();
        var plugins = Path.Combine(folder, "enabled_plugins");
        await File.WriteAllTextAsync(plugins, "[].");
        var start = new ProcessStartInfo(Server)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Everything the broker writes stays in the folder; a node name of its own keeps it apart from any other
        // broker on the machine (the Erlang port mapper, epmd, is shared and outlives it).
        start.Environment["HOME"] = folder;
        start.Environment["RABBITMQ_NODENAME"] = $"advocacy-test-{Guid.NewGuid():N}@localhost";
        start.Environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        start.Environment["RABBITMQ_NODE_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["RABBITMQ_DIST_PORT"] = HostProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia");
        start.Environment["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log");
        start.Environment["RABBITMQ_PID_FILE"] = Path.Combine(folder, "rabbitmq.pid");
        start.Environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = plugins;
        start.Environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(folder, "rabbitmq");

        var process = new Process { StartInfo = start };
        var server = new RabbitMqServer(process, folder, port);
        process.OutputDataReceived += (_, line) => server.Append(line.Data);
        process.ErrorDataReceived += (_, line) => server.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilListeningAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"rabbitmq-server exited with {_process.ExitCode} before it listened on {Port}:\n{Output}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
            }
            if (deadline.Elapsed > StartTimeout)
            {
                Assert.Fail($"rabbitmq-server did not listen on {Port} within {StartTimeout.TotalSeconds:0} s:\n{Output}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>Stops the broker (SIGTERM to the Erlang VM, SIGKILL if it lingers) and removes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // The foreground script waits on the Erlang VM, its child, which stops cleanly on SIGTERM.
            using (var term = Process.Start("pkill", ["-TERM", "-P", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file the VM still held: the folder is in the temporary directory, which is cleaned anyway.
        }
    }
}
