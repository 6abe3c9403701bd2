using System.Text.Json;
using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Results.Rules;
using Npgsql;
using NpgsqlTypes;

namespace Advocacy.Modules.Projects.Activities.ImportActivities;

/// <summary>
/// Writes imported activities and their ActivityLogged outbox rows with PostgreSQL's binary COPY, in
/// the caller's transaction: a 10,000-row sheet takes a fraction of a second instead of the seconds EF's change
/// tracker needs. Rows are written exactly as EF maps them (a test compares the two).
/// </summary>
internal static class ActivityBulkWriter
{
    // EF's owned-JSON mapping of Activity.Reach: CLR property names, enums as their names.
    private static readonly JsonSerializerOptions ReachJson = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static async Task WriteAsync(ProjectsDbContext db, IReadOnlyList<Activity> activities, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var schema = ProjectsModule.Schema;
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Write an import inside a transaction, with the period lock checked in it.");
        }
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();

        await using (var writer = await connection.BeginBinaryImportAsync(
            $"COPY {schema}.activities (id, project_id, type, date, title, notes, place, country, reach, indicator_ids, " +
            "event_id, coalition_id, report_id, source, logged_by, logged_by_name, logged_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var a in activities)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(a.Id, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(a.ProjectId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(a.Type.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(a.Date, NpgsqlDbType.Date, cancellationToken);
                await writer.WriteAsync(a.Title, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullable(writer, a.Notes, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullable(writer, a.Place, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullable(writer, a.Country, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(JsonSerializer.Serialize(a.Reach, ReachJson), NpgsqlDbType.Jsonb, cancellationToken);
                await writer.WriteAsync(a.IndicatorIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid, cancellationToken);
                await WriteNullable(writer, a.EventId, NpgsqlDbType.Uuid, cancellationToken);
                await WriteNullable(writer, a.CoalitionId, NpgsqlDbType.Uuid, cancellationToken);
                await WriteNullable(writer, a.ReportId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(a.Source.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(a.LoggedBy, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(a.LoggedByName, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(a.LoggedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            }
            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            $"COPY {schema}.outbox_messages (id, type, payload, occurred_at, attempts) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var activity in activities)
            {
                var message = OutboxMessage.From(new ActivityLogged(activity.ToDetails(), now));
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(message.Id, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(message.Type, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(message.Payload, NpgsqlDbType.Jsonb, cancellationToken);
                await writer.WriteAsync(message.OccurredAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
            }
            await writer.CompleteAsync(cancellationToken);
        }

        // COPY bypasses the audit interceptor: each imported activity gets its entry here.
        await using (var writer = await connection.BeginBinaryImportAsync(
            $"COPY {schema}.{AuditModel.Table} (id, at, user_id, user_name, action, entity, entity_id, after, request) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var activity in activities)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(activity.LoggedBy, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(activity.LoggedByName, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync("added", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(nameof(Activity), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(activity.Id.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(AuditInterceptor.Snapshot(activity), NpgsqlDbType.Jsonb, cancellationToken);
                await writer.WriteAsync("activity import", NpgsqlDbType.Varchar, cancellationToken);
            }
            await writer.CompleteAsync(cancellationToken);
        }

        // The rule-based indicators of the imported days' periods, counted again in the same transaction.
        var touched = new ActivityTouches();
        foreach (var activity in activities)
        {
            touched.Add(activity);
        }
        await RuleMeasurements.RecountAsync(db, touched, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        // The caller commits through EF's transaction, which wakes the outbox dispatcher as any save does.
    }

    private static Task WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, type, cancellationToken);
}
