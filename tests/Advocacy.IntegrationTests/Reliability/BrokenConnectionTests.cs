using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.Modules.Projects.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Advocacy.IntegrationTests.Reliability;

/// <summary>
/// The host, with a hook that can end the database session of the next activity save right after the database
/// wrote its rows: the moment a restart of PostgreSQL can fall on.
/// </summary>
public sealed class SessionEndingApp : AdvocacyApp
{
    public EndSessionAfterActivityInsert Hook { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Hook.ServerConnectionString = ServerConnectionString;
        builder.ConfigureTestServices(services => services.ConfigureDbContext<ProjectsDbContext>(options => options.AddInterceptors(Hook)));
    }
}

/// <summary>Once armed, ends the session (pg_terminate_backend) that inserted an activity, when its rows are read back.</summary>
public sealed class EndSessionAfterActivityInsert : DbCommandInterceptor
{
    private int _armed;

    public string ServerConnectionString { get; set; } = "";

    public void Arm() => Interlocked.Exchange(ref _armed, 1);

    public override async ValueTask<InterceptionResult> DataReaderClosingAsync(
        DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        if (command.CommandText.Contains("INSERT INTO projects.activities ", StringComparison.Ordinal) && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            var pid = ((NpgsqlConnection)command.Connection!).ProcessID;
            await using var server = new NpgsqlConnection(ServerConnectionString);
            await server.OpenAsync();
            await new NpgsqlCommand($"SELECT pg_terminate_backend({pid}, 10000)", server).ExecuteNonQueryAsync();
        }
        return result;
    }
}

/// <summary>
/// A write whose database session ends in the middle of its transaction (as when PostgreSQL restarts) answers 503
/// with Retry-After, never 500, and leaves nothing behind.
/// </summary>
public sealed class BrokenConnectionTests(SessionEndingApp app) : IClassFixture<SessionEndingApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Meeting => new { type = "meetingWithPolicyMakers", date = "2016-04-20", title = "Meeting with the Brussels Parliament's youth committee" };

    [Fact]
    public async Task A_save_whose_session_ends_while_it_waits_answers_503_and_writes_nothing()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var project = await Api.CreateProjectAsync(client, "REACT", "2015-01-01");

        // A lock that lets the request read but not insert: its save waits where the test can end its session.
        await using var blocker = await app.OpenAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await new NpgsqlCommand("LOCK TABLE projects.activities IN SHARE MODE", blocker, hold).ExecuteNonQueryAsync();
        var posting = client.PostAsJsonAsync($"/api/projects/{project}/activities", Meeting);
        var saving = await Eventually.Get(async () =>
        {
            var pid = await app.ScalarAsync<object?>(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO projects.activities %'");
            return pid is int id ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        }, "the request's save to wait on the lock");
        Assert.True(await app.ScalarAsync<bool>("SELECT pg_terminate_backend($1)", int.Parse(saving, System.Globalization.CultureInfo.InvariantCulture)));
        await hold.RollbackAsync();

        await AssertUnavailableAndNothingWrittenAsync(await posting);
    }

    [Fact]
    public async Task A_save_whose_session_ends_after_the_rows_were_written_answers_503_and_writes_nothing()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var project = await Api.CreateProjectAsync(client, "REACT", "2015-01-01");

        // The rows are in, the transaction is not committed; what comes next on that session fails. It must fail as
        // "database away" (EF's savepoint release used to swallow the error and leave a dead transaction: a 500).
        app.Hook.Arm();
        await AssertUnavailableAndNothingWrittenAsync(await client.PostAsJsonAsync($"/api/projects/{project}/activities", Meeting));

        using var again = await client.PostAsJsonAsync($"/api/projects/{project}/activities", Meeting);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    private async Task AssertUnavailableAndNothingWrittenAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("5", response.Headers.RetryAfter?.ToString());
        }
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.activities"));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.outbox_messages WHERE type LIKE '%ActivityLogged%'"));
    }
}
