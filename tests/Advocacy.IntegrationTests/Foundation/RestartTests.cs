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
}
