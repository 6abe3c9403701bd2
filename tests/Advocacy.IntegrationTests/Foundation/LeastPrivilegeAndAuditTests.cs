using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Data;
using Advocacy.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Advocacy.IntegrationTests.Foundation;

/// <summary>Each module reaches only its own schema, and every write leaves an audit entry no module can change.</summary>
public sealed class LeastPrivilegeAndAuditTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A connection as the module connects: with the connection string its DbContext is given.</summary>
    private async Task<NpgsqlConnection> AsModuleAsync(string schema)
    {
        var connection = new NpgsqlConnection(ModuleRoles.ConnectionStringFor(app.Services.GetRequiredService<IConfiguration>(), schema));
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<object?> RunAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    [Theory]
    [InlineData("projects", "reports.activity_facts")]
    [InlineData("reports", "projects.activities")]
    [InlineData("events", "coalitions.meetings")]
    [InlineData("coalitions", "identity.asp_net_users")]
    [InlineData("identity", "events.events")]
    public async Task A_module_works_as_its_own_role_and_a_query_into_another_modules_schema_is_denied(string schema, string foreignTable)
    {
        await using var connection = await AsModuleAsync(schema);

        Assert.Equal($"advocacy_{schema}", await RunAsync(connection, "SELECT current_user"));
        Assert.IsType<long>(await RunAsync(connection, $"SELECT count(*) FROM {schema}.audit_entries"));
        var denied = await Assert.ThrowsAsync<PostgresException>(() => RunAsync(connection, $"SELECT count(*) FROM {foreignTable}"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
    }

    [Fact]
    public async Task Every_write_is_audited_with_who_when_before_and_after_and_no_module_can_change_or_remove_an_entry()
    {
        var staff = await app.ClientAsync(Roles.Staff);
        var projectId = await Api.CreateProjectAsync(staff, "REACT", "2015-01-01");
        var logged = await (await staff.PostAsJsonAsync($"/api/projects/{projectId}/activities",
            new { type = "training", date = "2016-03-01", title = "Training of guardians" })).JsonAsync(HttpStatusCode.Created);
        var id = logged.GetProperty("id").GetGuid();
        await (await staff.PutAsJsonAsync($"/api/activities/{id}", new
        {
            type = "training", date = "2016-03-01", title = "Training of guardians in Brussels", version = logged.GetProperty("version").GetUInt32(),
        })).JsonAsync(HttpStatusCode.OK);
        await (await staff.DeleteAsync($"/api/activities/{id}")).JsonAsync(HttpStatusCode.NoContent);
        var staffId = (await staff.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetString();

        var admin = await app.ClientAsync(Roles.Admin);
        var trail = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?module=projects&entity=Activity&entityId={id}");

        var entries = trail.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["modified", "modified", "added"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.Equal(staffId, e.GetProperty("userId").GetString()));
        Assert.All(entries, e => Assert.Equal("projects", e.GetProperty("module").GetString()));
        var (deleted, edited, added) = (entries[0], entries[1], entries[2]);
        Assert.Equal("Training of guardians", added.GetProperty("after").GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, added.GetProperty("before").ValueKind);
        Assert.Equal(("Training of guardians", "Training of guardians in Brussels"),
            (edited.GetProperty("before").GetProperty("title").GetString(), edited.GetProperty("after").GetProperty("title").GetString()));
        Assert.Equal($"PUT /api/activities/{id}", edited.GetProperty("request").GetString());
        Assert.Equal(JsonValueKind.Null, deleted.GetProperty("before").GetProperty("deletedAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, deleted.GetProperty("after").GetProperty("deletedAt").ValueKind);
        // The project's own creation is there too, and nothing of the outbox.
        var projectWrites = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?module=projects&entity=Project&entityId={projectId}");
        Assert.Equal(1, projectWrites.GetProperty("totalCount").GetInt32());
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.audit_entries WHERE entity IN ('OutboxMessage', 'InboxMessage')"));

        // Only admins read it.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/admin/audit")).StatusCode);
        await (await admin.GetAsync("/api/admin/audit?module=nowhere")).JsonAsync(HttpStatusCode.BadRequest);

        // The module's own role may add and read entries, never change or remove them.
        await using var projects = await AsModuleAsync("projects");
        foreach (var sql in new[] { "UPDATE projects.audit_entries SET user_id = 'someone else'", "DELETE FROM projects.audit_entries", "TRUNCATE projects.audit_entries" })
        {
            var denied = await Assert.ThrowsAsync<PostgresException>(() => RunAsync(projects, sql));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
        }
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM projects.audit_entries WHERE user_id = 'someone else'"));
    }
}
