using System.Net;
using System.Net.Http.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.Modules.Projects.Contracts;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Advocacy.IntegrationTests.Foundation;

/// <summary>
/// Projects publishes ProjectCreated through its outbox; Reports consumes it into its read model,
/// once, however often it is delivered.
/// </summary>
public sealed class CrossModuleFlowTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record Summary(Guid ProjectId, string Code, string Name, string Level, DateOnly StartDate, DateOnly? EndDate);

    private sealed record Created(Guid Id);

    private static async Task<Summary?> SummaryOrNull(HttpClient client, Guid projectId)
    {
        var response = await client.GetAsync($"/api/reports/projects/{projectId}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadFromJsonAsync<Summary>();
    }

    [Fact]
    public async Task A_project_created_in_Projects_appears_in_the_Reports_read_model()
    {
        var client = await app.ClientAsync(Roles.Staff);

        var response = await client.PostAsJsonAsync("/api/projects", new
        {
            code = "react", name = "ReACT", level = "european", startDate = "2015-01-01", endDate = "2017-12-31",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<Created>();

        var summary = await Eventually.Get(() => SummaryOrNull(client, created!.Id), "the project in Reports' read model");
        Assert.Equal(("REACT", "ReACT", "european", new DateOnly(2015, 1, 1), (DateOnly?)new DateOnly(2017, 12, 31)),
            (summary.Code, summary.Name, summary.Level, summary.StartDate, summary.EndDate));

        // The event went out through Projects' outbox, and Reports' inbox recorded that very message.
        // The dispatcher marks the row dispatched after the bus took it, so a fast consumer can finish first: wait for the mark.
        var outboxId = await Eventually.Get(async () => (object?)await app.ScalarAsync<object?>(
            "SELECT id FROM projects.outbox_messages WHERE type LIKE '%ProjectCreated%' AND dispatched_at IS NOT NULL"), "the ProjectCreated row marked dispatched");
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM reports.inbox_messages WHERE message_id = $1", outboxId));
    }

    [Fact]
    public async Task A_redelivered_ProjectCreated_changes_nothing()
    {
        var client = await app.ClientAsync(Roles.Staff);
        var response = await client.PostAsJsonAsync("/api/projects", new { code = "MARIO", name = "Mario", level = "european", startDate = "2014-01-01" });
        var created = (await response.Content.ReadFromJsonAsync<Created>())!;
        await Eventually.Get(() => SummaryOrNull(client, created.Id), "the project in Reports' read model");
        var messageId = await app.ScalarAsync<Guid>("SELECT id FROM projects.outbox_messages WHERE payload->'project'->>'projectId' = $1", created.Id.ToString());

        // The same message id again, with a body that would change the read model if it were applied.
        var bus = app.Services.GetRequiredService<IBus>();
        using var probe = ConsumedProbe.For(bus, messageId, "Reports");
        await bus.Publish(
            new ProjectCreated(Details(created.Id, "MARIO", "Renamed by a duplicate", ProjectLevel.National), DateTimeOffset.UtcNow),
            context => context.MessageId = messageId);
        await probe.WaitAsync();

        var summary = await SummaryOrNull(client, created.Id);
        Assert.Equal(("Mario", "european"), (summary!.Name, summary.Level));
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM reports.inbox_messages WHERE message_id = $1", messageId));
    }

    [Fact]
    public async Task The_same_event_under_a_new_message_id_is_applied()
    {
        // The control for the test above: the inbox, not the consumer's upsert, is what ignores the duplicate.
        var client = await app.ClientAsync(Roles.Staff);
        var response = await client.PostAsJsonAsync("/api/projects", new { code = "GOLONDRINA", name = "Golondrina", level = "international", startDate = "2010-01-01" });
        var created = (await response.Content.ReadFromJsonAsync<Created>())!;
        await Eventually.Get(() => SummaryOrNull(client, created.Id), "the project in Reports' read model");

        var bus = app.Services.GetRequiredService<IBus>();
        var messageId = NewId.NextGuid();
        using var probe = ConsumedProbe.For(bus, messageId, "Reports");
        await bus.Publish(
            new ProjectCreated(Details(created.Id, "GOLONDRINA", "Golondrina (Colombia)", ProjectLevel.International), DateTimeOffset.UtcNow),
            context => context.MessageId = messageId);
        await probe.WaitAsync();

        Assert.Equal("Golondrina (Colombia)", (await SummaryOrNull(client, created.Id))!.Name);
    }

    [Fact]
    public async Task An_outbox_row_committed_without_waking_the_dispatcher_is_still_published()
    {
        // What a crash between commit and publish leaves behind: a committed, undispatched row that no
        // in-process signal announces. The dispatcher's poll must find it.
        var projectId = Guid.NewGuid();
        await InsertOutboxRow(Guid.CreateVersion7(), ProjectCreatedTypeName, ProjectCreatedJson(projectId, "DAKAR-MAP"));

        var client = await app.ClientAsync(Roles.Manager);
        var summary = await Eventually.Get(() => SummaryOrNull(client, projectId), "the polled outbox row in Reports' read model");
        Assert.Equal("DAKAR-MAP", summary.Code);
    }

    [Fact]
    public async Task An_unreadable_outbox_row_is_set_aside_and_does_not_hold_back_later_events()
    {
        var unreadable = Guid.CreateVersion7();
        await InsertOutboxRow(unreadable, "Advocacy.Modules.Projects.Contracts.ProjectRenamedLongAgo, Advocacy.Modules.Projects.Contracts", "{}");
        var projectId = Guid.NewGuid();
        await InsertOutboxRow(Guid.CreateVersion7(), ProjectCreatedTypeName, ProjectCreatedJson(projectId, "HOTEL-CODE"));

        var client = await app.ClientAsync(Roles.Manager);
        await Eventually.Get(() => SummaryOrNull(client, projectId), "the event behind the unreadable one in Reports' read model");

        // The dispatcher publishes its batch before it commits what it did to the rows, so Reports can have the
        // later event before the unreadable row's state is visible: wait for that commit.
        var givenUp = await Eventually.Get(async () =>
        {
            await using var connection = await app.OpenAsync();
            await using var query = new Npgsql.NpgsqlCommand(
                "SELECT last_error, dispatched_at IS NULL FROM projects.outbox_messages WHERE id = $1 AND attempts >= 10", connection);
            query.Parameters.Add(new() { Value = unreadable });
            await using var row = await query.ExecuteReaderAsync();
            return await row.ReadAsync() ? Tuple.Create(row.IsDBNull(0) ? null : row.GetString(0), row.GetBoolean(1)) : null;
        }, "the unreadable row to be marked as given up");
        Assert.NotNull(givenUp.Item1);
        Assert.True(givenUp.Item2, "the unreadable row is kept, not marked dispatched");
    }

    private static ProjectDetails Details(Guid id, string code, string name, ProjectLevel level) =>
        new(id, code, name, level, ProjectStatus.Active, new DateOnly(2014, 1, 1), null, [], [], null, null);

    private static readonly string ProjectCreatedTypeName =
        $"{typeof(ProjectCreated).FullName}, {typeof(ProjectCreated).Assembly.GetName().Name}";

    private static string ProjectCreatedJson(Guid projectId, string code) => System.Text.Json.JsonSerializer.Serialize(
        new ProjectCreated(Details(projectId, code, $"Project {code}", ProjectLevel.National), DateTimeOffset.UtcNow),
        new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));

    /// <summary>Writes an outbox row straight to the table, as a commit would, without waking the dispatcher.</summary>
    private async Task InsertOutboxRow(Guid id, string type, string payload)
    {
        await using var connection = await app.OpenAsync();
        await using var insert = new Npgsql.NpgsqlCommand(
            "INSERT INTO projects.outbox_messages (id, type, payload, occurred_at, attempts) VALUES ($1, $2, $3::jsonb, now(), 0)", connection);
        insert.Parameters.Add(new() { Value = id });
        insert.Parameters.Add(new() { Value = type });
        insert.Parameters.Add(new() { Value = payload });
        await insert.ExecuteNonQueryAsync();
    }
}
