using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;

namespace Advocacy.IntegrationTests.Foundation;

/// <summary>
/// Creating a user and changing a role are all or nothing: when Identity refuses a step (here a concurrent
/// change of the user's row, made by a trigger that lets no update of that user through), the API answers
/// 409 and the user is left as they were.
/// </summary>
public sealed class ManageUsersTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>
{
    [Fact]
    public async Task A_user_whose_role_cannot_be_given_is_not_created_and_the_answer_is_409()
    {
        var admin = await app.ClientAsync(Roles.Admin);
        var email = $"race-{Guid.NewGuid():N}@example.org";

        await using (await UpdatesRefusedAsync(email))
        {
            var response = await admin.PostAsJsonAsync("/api/admin/users", new { email, password = AdvocacyApp.Password, role = Roles.Staff });

            var problem = await response.JsonAsync(HttpStatusCode.Conflict);
            Assert.Contains("nothing was changed", problem.GetProperty("detail").GetString());
        }
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM identity.\"AspNetUsers\" WHERE normalized_email = upper($1)", email));
    }

    [Fact]
    public async Task A_role_change_that_fails_midway_keeps_the_old_role_and_the_answer_is_409()
    {
        var admin = await app.ClientAsync(Roles.Admin);
        var email = $"race-{Guid.NewGuid():N}@example.org";
        var created = await (await admin.PostAsJsonAsync("/api/admin/users", new { email, password = AdvocacyApp.Password, role = Roles.Staff }))
            .JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();

        await using (await UpdatesRefusedAsync(email))
        {
            var response = await admin.PutAsJsonAsync($"/api/admin/users/{id}/role", new { role = Roles.Manager });

            await response.JsonAsync(HttpStatusCode.Conflict);
        }
        var users = await (await admin.GetAsync("/api/admin/users")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(Roles.Staff, users.EnumerateArray().Single(u => u.GetProperty("id").GetString() == id).GetProperty("role").GetString());

        var changed = await (await admin.PutAsJsonAsync($"/api/admin/users/{id}/role", new { role = Roles.Manager })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(Roles.Manager, changed.GetProperty("role").GetString());
    }

    /// <summary>
    /// Until disposed, every update of <paramref name="email"/>'s user row is skipped, as if another request
    /// had changed the row first: Identity sees its concurrency stamp fail.
    /// </summary>
    private async Task<IAsyncDisposable> UpdatesRefusedAsync(string email)
    {
        var name = $"refuse_{Guid.NewGuid():N}";
        await ExecuteAsync($"""
            CREATE FUNCTION identity.{name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
            CREATE TRIGGER {name} BEFORE UPDATE ON identity."AspNetUsers"
                FOR EACH ROW WHEN (OLD.normalized_email = '{email.ToUpperInvariant()}') EXECUTE FUNCTION identity.{name}();
            """);
        return new Undo(() => ExecuteAsync($"DROP TRIGGER {name} ON identity.\"AspNetUsers\"; DROP FUNCTION identity.{name}();"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await app.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Undo(Func<Task> undo) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await undo();
    }
}
