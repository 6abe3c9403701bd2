using System.Diagnostics;

namespace Advocacy.IntegrationTests.Infrastructure;

/// <summary>Runs the repository's scripts and other commands to completion, for tests of what they do.</summary>
public static class Commands
{
    /// <summary>The folder holding Advocacy.sln, above the tests' output folder.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Advocacy.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (Advocacy.sln) is not above the test's folder.");
    }

    /// <summary>Runs <paramref name="file"/> and returns its exit code and what it wrote (stdout, then stderr); at most 2 minutes.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output + await error);
    }
}
