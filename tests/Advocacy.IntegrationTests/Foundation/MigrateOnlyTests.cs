using System.Diagnostics;
using Npgsql;

namespace Advocacy.IntegrationTests.Foundation;

/// <summary>The deployment mode: migrate every schema, then exit without serving.</summary>
public sealed class MigrateOnlyTests
{
    [Fact]
    public async Task The_host_run_with_migrate_only_creates_every_schema_and_exits()
    {
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Advocacy")!;
        var database = $"advocacy_test_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        try
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Advocacy.Host.dll"), "--migrate-only"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment =
                {
                    ["ConnectionStrings__Advocacy"] = connectionString,
                    ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                    ["Logging__Console__FormatterName"] = "simple",
                },
            };
            using var host = Process.Start(start)!;
            var output = host.StandardOutput.ReadToEndAsync();
            var errors = host.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await host.WaitForExitAsync(timeout.Token);

            Assert.True(host.ExitCode == 0, $"exit code {host.ExitCode}\n{await output}\n{await errors}");
            Assert.DoesNotContain("Now listening", await output);

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT string_agg(table_schema, ',' ORDER BY table_schema) FROM information_schema.tables WHERE table_name = '__ef_migrations'", connection);
            Assert.Equal("coalitions,events,identity,projects,reports", await command.ExecuteScalarAsync());
        }
        finally
        {
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
