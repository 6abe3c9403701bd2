using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Npgsql;

namespace Advocacy.IntegrationTests.Foundation;

/// <summary>scripts/backup.sh and scripts/restore.sh: a round trip gives back every row, and a host runs on the copy.</summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    // Kept, so the host can stop before the backup (its last consumers would otherwise still add inbox rows
    // between counting and dumping); dropped here at the end.
    private readonly AdvocacyApp _source = new() { KeepDatabase = true };
    private readonly string _backup = Path.Combine(Path.GetTempPath(), $"advocacy-backup-{Guid.NewGuid():N}.dump");
    private string _restoredName = "";

    public Task InitializeAsync() => ((IAsyncLifetime)_source).InitializeAsync();

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_source).DisposeAsync();
        File.Delete(_backup);
        await using var server = new NpgsqlConnection(_source.ServerConnectionString);
        await server.OpenAsync();
        foreach (var database in new[] { _source.DatabaseName, _restoredName }.Where(d => d != ""))
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task A_backup_restored_into_a_new_database_holds_every_row_and_a_host_serves_it_and_a_restore_over_data_is_refused()
    {
        var client = await _source.ClientAsync(Roles.Staff);
        var react = await Api.CreateProjectAsync(client, "REACT", "2015-01-01");
        await (await client.PostAsJsonAsync($"/api/projects/{react}/activities",
            new { type = "training", date = "2016-03-01", title = "Training of guardians on the rights of unaccompanied minors" }))
            .JsonAsync(HttpStatusCode.Created);
        await Eventually.Get(async () => await _source.ScalarAsync<long>("SELECT count(*) FROM reports.activity_facts") == 1 ? "" : null,
            "the activity in Reports");
        await ((IAsyncLifetime)_source).DisposeAsync();
        var counts = await RowCountsAsync(_source.ConnectionString);

        var backup = await RunAsync("backup.sh", _source.ConnectionString, _backup);
        Assert.True(backup.ExitCode == 0, backup.Output);
        Assert.True(new FileInfo(_backup).Length > 0);

        _restoredName = $"{_source.DatabaseName}_restored";
        var restoredConnection = new NpgsqlConnectionStringBuilder(_source.ConnectionString) { Database = _restoredName }.ConnectionString;
        var restore = await RunAsync("restore.sh", restoredConnection, _backup);
        Assert.True(restore.ExitCode == 0, restore.Output);
        Assert.Equal(counts, await RowCountsAsync(restoredConnection));

        // Restoring again over what is now there is refused and changes nothing.
        var again = await RunAsync("restore.sh", restoredConnection, _backup);
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("already holds", again.Output);
        Assert.Equal(counts, await RowCountsAsync(restoredConnection));

        // A host started on the copy serves the same project and signs the same users in.
        var copy = new AdvocacyApp { ExistingDatabase = _restoredName, KeepDatabase = true };
        await ((IAsyncLifetime)copy).InitializeAsync();
        try
        {
            var manager = await copy.ClientAsync(Roles.Manager);
            var activities = await manager.GetFromJsonAsync<JsonElement>($"/api/activities?projectId={react}");
            Assert.Equal("Training of guardians on the rights of unaccompanied minors",
                Assert.Single(activities.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());
        }
        finally
        {
            await ((IAsyncLifetime)copy).DisposeAsync();
        }
    }

    /// <summary>Every table's row count, by schema and table, to compare two databases.</summary>
    private static async Task<string> RowCountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var counts = new List<string>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
            counts.Add($"{table}={await count.ExecuteScalarAsync()}");
        }
        Assert.Contains(counts, c => c.StartsWith("projects.activities=1", StringComparison.Ordinal));
        return string.Join("\n", counts);
    }

    private static Task<(int ExitCode, string Output)> RunAsync(string script, string connectionString, string file) =>
        Commands.RunAsync("bash", [Path.Combine(Commands.RepositoryRoot(), "scripts", script), file],
            new Dictionary<string, string> { ["ConnectionStrings__Advocacy"] = connectionString });
}
