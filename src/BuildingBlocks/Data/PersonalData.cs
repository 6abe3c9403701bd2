using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Advocacy.BuildingBlocks.Data;

/// <summary>
/// The person whose data is exported or erased (GDPR articles 15 and 17): their user account, when they have one,
/// and the texts that name them (email, user name, a name as typed), compared without regard to case.
/// </summary>
/// <param name="UserId">The host user's id; null for someone without an account (an event participant, a stakeholder).</param>
/// <param name="Names">Exact texts that name the person; never empty, each trimmed.</param>
public sealed record DataSubject(string? UserId, IReadOnlyList<string> Names)
{
    /// <summary>What an erased person's name becomes wherever a name is kept.</summary>
    public const string ErasedName = "Erased person";

    /// <summary>The names in lower case, for <c>lower(column) = ANY(...)</c> comparisons.</summary>
    public List<string> LowerNames => Names.Select(n => n.ToLowerInvariant()).ToList();

    /// <summary>
    /// The user id to compare user-id columns with: never null, as EF Core would turn <c>column == null</c> into
    /// <c>IS NULL</c> and match every row without one. No user id is empty.
    /// </summary>
    public string MatchUserId => UserId ?? "";

    /// <summary>The audit key of an export or erasure: the user id, never a name (the audit must not keep what was erased).</summary>
    public string AuditKey => UserId ?? "by-name";
}

/// <summary>One record holding personal data of a <see cref="DataSubject"/>: where (schema.table), its key, and its values.</summary>
public sealed record PersonalDataRecord(string Table, string Key, object Values);

/// <summary>
/// A module's part in the export and erasure of one person's data, over its own schema only (modules never reach
/// into each other's); the host asks every holder in turn. See docs/personal-data.md and ADR 0021.
/// </summary>
public interface IPersonalDataHolder
{
    /// <summary>The schema the holder answers for, e.g. <c>events</c>.</summary>
    string Schema { get; }

    /// <summary>Every record of the schema that names or points to the person.</summary>
    Task<IReadOnlyList<PersonalDataRecord>> ExportAsync(DataSubject subject, CancellationToken cancellationToken);

    /// <summary>
    /// Anonymises the person in the schema, keeping every record (so every count and total stays the same), and adds
    /// its own audit entry with the counts only. Idempotent. Returns the rows changed per <c>table.column</c>.
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> EraseAsync(DataSubject subject, CancellationToken cancellationToken);
}

/// <summary>Audit entries for exports, erasures and retention, which bypass the change tracker on purpose.</summary>
public static class PersonalDataAudit
{
    /// <summary>An audit entry for a personal-data operation: its counts, never the erased values.</summary>
    public static AuditEntry Entry(HttpContext? context, TimeProvider clock, string action, string entityId, object counts)
    {
        var (userId, userName, request) = AuditInterceptor.Actor(context);
        return new AuditEntry
        {
            Id = Guid.CreateVersion7(), At = clock.GetUtcNow(), UserId = userId, UserName = userName, Request = request,
            Action = action, Entity = "PersonalData", EntityId = entityId, After = JsonSerializer.SerializeToDocument(counts),
        };
    }
}

/// <summary>
/// The person's traces in a schema's append-only audit trail and in its outbox (payloads of events already published),
/// reached through the owner's connection: the module roles may not change audit entries (ADR 0015). Erasure replaces
/// the person's names where a JSON value or the audit's user name equals one of them; user ids stay (ADR 0021).
/// </summary>
public static class AuditTrailPersonalData
{
    /// <summary>The most entries of one schema an export lists; the count says how many there are.</summary>
    public const int ExportLimit = 1000;

    /// <summary>The audit entries of <paramref name="schema"/> by, or naming, the person (newest first), and how many there are.</summary>
    public static async Task<(List<PersonalDataRecord> Entries, long Total)> ExportAsync(
        string ownerConnectionString, string schema, DataSubject subject, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(ownerConnectionString, cancellationToken);
        var where = $"""
            FROM {Table(schema, AuditModel.Table)}
            WHERE user_id = @userId OR lower(user_name) = ANY(@names) OR before::text ~* @pattern OR after::text ~* @pattern
            """;
        await using var count = Command(connection, $"SELECT count(*) {where}", subject);
        var total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        await using var select = Command(connection, $"""
            SELECT id, at, user_id, user_name, action, entity, entity_id, before::text, after::text, request
            {where} ORDER BY at DESC LIMIT {ExportLimit}
            """, subject);
        var entries = new List<PersonalDataRecord>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new PersonalDataRecord($"{schema}.{AuditModel.Table}", reader.GetGuid(0).ToString(), new
            {
                At = reader.GetFieldValue<DateTimeOffset>(1), UserId = reader.GetString(2), UserName = Text(reader, 3),
                Action = reader.GetString(4), Entity = reader.GetString(5), EntityId = reader.GetString(6),
                Before = Json(reader, 7), After = Json(reader, 8), Request = Text(reader, 9),
            }));
        }
        return (entries, total);
    }

    /// <summary>
    /// Replaces the person's names in the audit trail and the outbox of <paramref name="schema"/>, as the owner, and
    /// records that it did (with the counts) in the same transaction. Returns the rows changed per table.column.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, int>> EraseAsync(
        string ownerConnectionString, string schema, DataSubject subject, Func<object, AuditEntry> auditEntry, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(ownerConnectionString, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var audit = Table(schema, AuditModel.Table);
        var counts = new Dictionary<string, int>
        {
            [$"{AuditModel.Table}.user_name"] = await ExecuteAsync(connection, $"""
                UPDATE {audit} SET user_name = @erased
                WHERE (user_id = @userId OR lower(user_name) = ANY(@names)) AND user_name IS DISTINCT FROM @erased
                """, subject, cancellationToken),
            [$"{AuditModel.Table}.before"] = await ExecuteAsync(connection,
                $"UPDATE {audit} SET before = regexp_replace(before::text, @pattern, @replacement, 'gi')::jsonb WHERE before::text ~* @pattern",
                subject, cancellationToken),
            [$"{AuditModel.Table}.after"] = await ExecuteAsync(connection,
                $"UPDATE {audit} SET after = regexp_replace(after::text, @pattern, @replacement, 'gi')::jsonb WHERE after::text ~* @pattern",
                subject, cancellationToken),
        };
        await using (var hasOutbox = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection))
        {
            hasOutbox.Parameters.AddWithValue("table", $"{schema}.outbox_messages");
            if ((bool)(await hasOutbox.ExecuteScalarAsync(cancellationToken))!)
            {
                counts["outbox_messages.payload"] = await ExecuteAsync(connection, $"""
                    UPDATE {Table(schema, "outbox_messages")} SET payload = regexp_replace(payload::text, @pattern, @replacement, 'gi')::jsonb
                    WHERE payload::text ~* @pattern
                    """, subject, cancellationToken);
            }
        }
        var entry = auditEntry(counts);
        await using (var insert = new NpgsqlCommand($"""
            INSERT INTO {audit} (id, at, user_id, user_name, action, entity, entity_id, before, after, request)
            VALUES (@id, @at, @user_id, @user_name, @action, @entity, @entity_id, NULL, @after::jsonb, @request)
            """, connection))
        {
            insert.Parameters.AddWithValue("id", entry.Id);
            insert.Parameters.AddWithValue("at", entry.At);
            insert.Parameters.AddWithValue("user_id", entry.UserId);
            insert.Parameters.AddWithValue("user_name", (object?)entry.UserName ?? DBNull.Value);
            insert.Parameters.AddWithValue("action", entry.Action);
            insert.Parameters.AddWithValue("entity", entry.Entity);
            insert.Parameters.AddWithValue("entity_id", entry.EntityId);
            insert.Parameters.AddWithValue("after", entry.After!.RootElement.GetRawText());
            insert.Parameters.AddWithValue("request", (object?)entry.Request ?? DBNull.Value);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    /// <summary>
    /// A PostgreSQL regular expression matching a JSON string value (quotes included) that equals one of the names, as
    /// jsonb prints it: only whole values, so a short name never rewrites other text.
    /// </summary>
    public static string Pattern(DataSubject subject) =>
        "\"(" + string.Join("|", subject.Names.Select(n => EscapeRegex(JsonEscaped(n)))) + ")\"";

    private static string JsonEscaped(string text)
    {
        var json = JsonSerializer.Serialize(text, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return json[1..^1];
    }

    private static string EscapeRegex(string text)
    {
        var escaped = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            // In PostgreSQL's regular expressions a backslash before a non-alphanumeric character makes it literal.
            if (c < 128 && !char.IsAsciiLetterOrDigit(c))
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static string Table(string schema, string table) =>
        System.Text.RegularExpressions.Regex.IsMatch(schema, "^[a-z_]+$") ? $"{schema}.{table}" : throw new ArgumentException($"Not a plain schema name: {schema}", nameof(schema));

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, DataSubject subject)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("userId", (object?)subject.UserId ?? DBNull.Value).NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text;
        command.Parameters.AddWithValue("names", subject.LowerNames.ToArray());
        command.Parameters.AddWithValue("pattern", Pattern(subject));
        command.Parameters.AddWithValue("replacement", JsonSerializer.Serialize(DataSubject.ErasedName));
        command.Parameters.AddWithValue("erased", DataSubject.ErasedName);
        return command;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, DataSubject subject, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, subject);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static JsonElement? Json(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : JsonDocument.Parse(reader.GetString(ordinal)).RootElement.Clone();
}
