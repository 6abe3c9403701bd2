using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Advocacy.Bench;

/// <summary>
/// The real host, built in Release, as a child process on a loopback port: the benchmark measures it
/// through real Kestrel, and reads its memory from /proc/{pid}/status as any operator would.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    public const string DemoPassword = "Demo-Advocacy-2026!";
    public const string BenchUser = "manager@demo.advocacy.local";

    private readonly Process _process;
    private readonly StreamWriter _log;

    private HostProcess(Process process, StreamWriter log, Uri address)
    {
        _process = process;
        _log = log;
        Address = address;
    }

    public Uri Address { get; }

    public int Pid => _process.Id;

    /// <summary>Starts the host on <paramref name="connectionString"/> and waits until /health/ready answers 200.</summary>
    public static async Task<HostProcess> StartAsync(string hostDll, string connectionString, string logPath)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            // appsettings.json sits beside the dll: that folder is the content root.
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(hostDll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.GetFullPath(hostDll));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString());
        var env = start.Environment;
        env["ConnectionStrings__Advocacy"] = connectionString;
        // As run.sh: Development serves plain HTTP on loopback (outside it HTTPS is enforced).
        env["ASPNETCORE_ENVIRONMENT"] = "Development";
        // Demo users exist for this local, throw-away database only; the bench signs in as the manager.
        env["Demo__UserPassword"] = DemoPassword;
        env["Demo__SeedData"] = "false";
        // 32 clients writing as one user would hit the per-user API limit (1,200 a minute) in seconds.
        env["RateLimits__ApiPerMinute"] = "100000000";
        env["RateLimits__SignInPerMinute"] = "100000";
        // One log line per request would measure the console, not the platform.
        env["Logging__LogLevel__Default"] = "Warning";
        env["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new HostProcess(process, log, address);
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {process.ExitCode}; see {logPath}.");
            }
            try
            {
                if ((await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return host;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline)
            {
                await host.DisposeAsync();
                throw new TimeoutException($"The host did not become ready in 10 minutes; see {logPath}.");
            }
            await Task.Delay(250);
        }
    }

    /// <summary>A client signed in as the manager (who sees every project) with a bearer token.</summary>
    public async Task<HttpClient> ClientAsync(int connections = 64)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromMinutes(30),
        };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email = BenchUser, password = DemoPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The CPU time the host has used so far (user and system, every thread).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>The kernel's figures for the host process: resident now and at its peak (kB).</summary>
    public (long RssKb, long HwmKb) Memory()
    {
        long rss = 0, hwm = 0;
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kb(line);
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = Kb(line);
        }
        return (rss, hwm);
    }

    /// <summary>
    /// Resets the peak resident size (VmHWM) to the current one, so the next reading is the peak of
    /// what follows only. Writing 5 to clear_refs does that (Linux 4.0+); it needs to own the process.
    /// </summary>
    public bool ResetPeak()
    {
        try
        {
            File.WriteAllText($"/proc/{Pid}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long Kb(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: the host drains its outboxes and stops as in production.
            Process.Start("kill", ["-TERM", _process.Id.ToString()])?.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}
