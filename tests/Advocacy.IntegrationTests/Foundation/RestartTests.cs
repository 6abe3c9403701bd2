using System.Net;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Foundation;

/// <summary>What a process that dies between commit and publish leaves behind is published by the next one.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Events_committed_but_not_published_before_a_crash_are_published_after_the_restart()
    {
        // The first host commits a project and its ProjectCreated, then "dies" before publishing it.
        var first = new AdvocacyApp { DispatchOutbox = false, KeepDatabase = true };
        Guid projectId;
        await ((IAsyncLifetime)first).InitializeAsync();
        try
        {
            var client = await first.ClientAsync(Roles.Staff);
            projectId = await Api.CreateProjectAsync(client, "REACT");
            Assert.Equal(1L, await first.ScalarAsync<long>("SELECT count(*) FROM projects.outbox_messages WHERE dispatched_at IS NULL"));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/reports/projects/{projectId}")).StatusCode);
        }
        finally
        {
            await ((IAsyncLifetime)first).DisposeAsync();
        }

        // The next host on the same database publishes it, and Reports receives it.
        var second = new AdvocacyApp { ExistingDatabase = first.DatabaseName };
        await ((IAsyncLifetime)second).InitializeAsync();
        try
        {
            var client = await second.ClientAsync(Roles.Manager);
            await Eventually.Get(async () =>
            {
                var response = await client.GetAsync($"/api/reports/projects/{projectId}");
                return response.StatusCode == HttpStatusCode.OK ? response : null;
            }, "the project committed before the crash in Reports' read model");
            Assert.Equal(0L, await second.ScalarAsync<long>("SELECT count(*) FROM projects.outbox_messages WHERE dispatched_at IS NULL"));
        }
        finally
        {
            await ((IAsyncLifetime)second).DisposeAsync();
        }
    }

    [Fact]
    public async Task An_event_published_into_memory_but_not_consumed_before_the_process_ended_is_delivered_after_the_restart()
    {
        var first = new AdvocacyApp { KeepDatabase = true };
        Guid projectId;
        await ((IAsyncLifetime)first).InitializeAsync();
        try
        {
            var client = await first.ClientAsync(Roles.Staff);
            projectId = await Api.CreateProjectAsync(client, "MARIO");
            await Eventually.Get(async () =>
                (await client.GetAsync($"/api/reports/projects/{projectId}")).StatusCode == HttpStatusCode.OK ? "" : null,
                "the project in Reports' read model");
            // What the in-memory transport loses when the process dies: the message left the outbox
            // (dispatched) but its consumer never committed. Undo the consumer's work to stand for that.
            await using var connection = await first.OpenAsync();
            await using var undo = new Npgsql.NpgsqlCommand("DELETE FROM reports.project_summaries; DELETE FROM reports.inbox_messages;", connection);
            await undo.ExecuteNonQueryAsync();
        }
        finally
        {
            await ((IAsyncLifetime)first).DisposeAsync();
        }

        var second = new AdvocacyApp { ExistingDatabase = first.DatabaseName };
        await ((IAsyncLifetime)second).InitializeAsync();
        try
        {
            var client = await second.ClientAsync(Roles.Manager);
            await Eventually.Get(async () =>
                (await client.GetAsync($"/api/reports/projects/{projectId}")).StatusCode == HttpStatusCode.OK ? "" : null,
                "the project delivered again after the restart");
        }
        finally
        {
            await ((IAsyncLifetime)second).DisposeAsync();
        }
    }
}
