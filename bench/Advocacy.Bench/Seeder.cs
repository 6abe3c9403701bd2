using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Advocacy.Bench;

/// <summary>A project the bench created through the API.</summary>
internal sealed record BenchProject(Guid Id, string Code, DateOnly StartDate);

/// <summary>
/// Creates the bench's 50 projects through the API (so every module learns of them as it would), then
/// writes the activities with binary COPY: Projects' activity log and, row for row, the facts Reports
/// keeps of them (activity_facts, reach_facts) exactly as its consumers would have written them from
/// ActivityLogged. No outbox rows and no audit entries are written for the seeded activities: they
/// would only be replayed by a read-model rebuild, which the bench does not measure.
/// </summary>
internal static class Seeder
{
    public const string Donor = "Bench Foundation";
    public static readonly DateOnly From = new(2015, 1, 1);
    public static readonly DateOnly To = new(2025, 12, 31);

    public static readonly string[] Types =
    [
        "MeetingWithPolicyMakers", "ParliamentaryEvent", "Training", "AwarenessCampaign", "Workshop",
        "ConsultationOrSubmission", "Publication", "Media", "CoalitionMeeting", "Research", "Other",
    ];
    public static readonly string[] Audiences = ["Children", "Professionals", "PolicyMakers", "GeneralPublic"];
    private static readonly string?[] Genders = [null, "Female", "Male"];
    private static readonly string[] Countries = ["BE", "FR", "NL", "DE", "RO", "SN", "CO", "IT", "ES", "LU"];
    private static readonly string[] Places = ["Brussels", "Antwerp", "Ghent", "Liège", "Strasbourg", "Bucharest", "Dakar", "Bogotá"];
    private static readonly string[] Levels = ["national", "european", "international"];

    /// <summary>The country of the bench's project at <paramref name="index"/> (0-based, in creation order).</summary>
    private static string ProjectCountry(int index) => Countries[(index + 1) % Countries.Length];

    public static async Task<List<BenchProject>> CreateProjectsAsync(HttpClient client, NpgsqlDataSource db, int count)
    {
        var projects = new List<BenchProject>();
        for (var i = 1; i <= count; i++)
        {
            var code = $"BENCH-{i:D2}";
            var response = await client.PostAsJsonAsync("/api/projects", new
            {
                code, name = $"Bench project {i}", level = Levels[i % Levels.Length], status = "active",
                startDate = From, countries = new[] { ProjectCountry(i - 1) },
                organisations = new[] { new { name = Donor, role = "donor", country = (string?)"BE" }, new { name = "Partner NGO", role = "partner", country = (string?)null } },
            });
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Creating {code}: {(int)response.StatusCode} {body}");
            projects.Add(new BenchProject(JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid(), code, From));
        }
        // Reports and Events learn of projects from ProjectCreated; wait until both know all of them.
        await Poll.UntilAsync(async () =>
            await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM reports.project_summaries WHERE code LIKE 'BENCH-%'") == count
            && await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM events.known_projects") >= count,
            TimeSpan.FromMinutes(2), "Reports and Events to know the bench projects");
        return projects;
    }

    /// <summary>One generated activity, as Projects stores it and Reports keeps it.</summary>
    private sealed record Row(
        Guid Id, Guid ProjectId, string Type, DateOnly Date, string Title, string? Place, string? Country,
        (string Audience, string? Gender, int Count)[] Reach)
    {
        public int TotalReach => Reach.Sum(r => r.Count);
    }

    public static async Task SeedActivitiesAsync(NpgsqlDataSource db, IReadOnlyList<BenchProject> projects, int count, string userId, string userName)
    {
        const int batchSize = 50_000;
        var random = new Random(20261123);
        var days = To.DayNumber - From.DayNumber + 1;
        var loggedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        for (var done = 0; done < count;)
        {
            var batch = new List<Row>(Math.Min(batchSize, count - done));
            for (var i = 0; i < batch.Capacity; i++)
            {
                var n = done + i;
                var reach = Enumerable.Range(0, random.Next(0, 4))
                    .Select(_ => (Audiences[random.Next(Audiences.Length)], Genders[random.Next(Genders.Length)], random.Next(1, 120)))
                    .DistinctBy(r => (r.Item1, r.Item2))
                    .ToArray();
                batch.Add(new Row(
                    Guid.CreateVersion7(), projects[n % projects.Count].Id, Types[random.Next(Types.Length)],
                    From.AddDays(random.Next(days)), $"Bench activity {n + 1}: {Types[n % Types.Length]} with partners",
                    random.Next(5) == 0 ? null : Places[random.Next(Places.Length)],
                    // Mostly the project's own country, sometimes a neighbour's, sometimes none: projects work where they are.
                    random.Next(10) switch { 0 => null, 1 => Countries[(n % projects.Count + 2) % Countries.Length], _ => ProjectCountry(n % projects.Count) },
                    reach));
            }
            // Projects' log and Reports' facts on two connections at once; reach facts after their activity facts (foreign key).
            await Task.WhenAll(
                CopyActivitiesAsync(db, batch, userId, userName, loggedAt),
                CopyFactsAsync(db, batch, loggedAt));
            done += batch.Count;
            Console.Write($"\r  seeded {done:N0} / {count:N0} activities ({done / clock.Elapsed.TotalSeconds:N0}/s)   ");
        }
        Console.WriteLine();
        // Reports' consumers keep the monthly roll-ups with each fact; for COPY-seeded facts, the same sums in one go
        // and all-time totals (the statements of their migrations, ADR 0022 and 0023).
        Console.WriteLine("  rolling up the seeded facts by month and in all");
        foreach (var table in Rollups)
        {
            await Sql.ExecuteAsync(db, $"TRUNCATE reports.{table}");
        }
        await Sql.ExecuteAsync(db, """
            INSERT INTO reports.month_rollups (project_id, month, activities, reach, coalition_activities)
            SELECT project_id, date_trunc('month', date)::date, count(*), sum(total_reach), count(coalition_id)
              FROM reports.activity_facts WHERE NOT deleted GROUP BY 1, 2;
            INSERT INTO reports.activity_rollups (project_id, month, type, activities)
            SELECT project_id, date_trunc('month', date)::date, type, count(*)
              FROM reports.activity_facts WHERE NOT deleted GROUP BY 1, 2, 3;
            INSERT INTO reports.country_rollups (project_id, month, country, activities, reach)
            SELECT project_id, date_trunc('month', date)::date, coalesce(country, ''), count(*), sum(total_reach)
              FROM reports.activity_facts WHERE NOT deleted GROUP BY 1, 2, 3;
            INSERT INTO reports.reach_rollups (project_id, month, audience, people)
            SELECT f.project_id, date_trunc('month', f.date)::date, r.audience, sum(r.count)
              FROM reports.activity_facts f JOIN reports.reach_facts r ON r.activity_id = f.activity_id
             WHERE NOT f.deleted GROUP BY 1, 2, 3;
            INSERT INTO reports.project_totals (project_id, activities, reach, coalition_activities)
            SELECT project_id, sum(activities), sum(reach), sum(coalition_activities) FROM reports.month_rollups GROUP BY 1;
            INSERT INTO reports.activity_totals (project_id, type, activities)
            SELECT project_id, type, sum(activities) FROM reports.activity_rollups GROUP BY 1, 2;
            INSERT INTO reports.country_totals (project_id, country, activities, reach)
            SELECT project_id, country, sum(activities), sum(reach) FROM reports.country_rollups GROUP BY 1, 2;
            INSERT INTO reports.reach_totals (project_id, audience, people)
            SELECT project_id, audience, sum(people) FROM reports.reach_rollups GROUP BY 1, 2;
            """);
        Console.WriteLine("  VACUUM ANALYZE of the seeded tables");
        foreach (var table in new[] { "projects.activities", "reports.activity_facts", "reports.reach_facts", "reports.project_summaries" }
                     .Concat(Rollups.Select(t => $"reports.{t}")))
        {
            await Sql.ExecuteAsync(db, $"VACUUM ANALYZE {table}");
        }
    }

    private static readonly string[] Rollups =
    [
        "month_rollups", "activity_rollups", "country_rollups", "reach_rollups", "project_totals", "activity_totals", "country_totals", "reach_totals",
    ];

    private static async Task CopyActivitiesAsync(NpgsqlDataSource db, List<Row> rows, string userId, string userName, DateTimeOffset loggedAt)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY projects.activities (id, project_id, type, date, title, place, country, reach, indicator_ids, source, logged_by, logged_by_name, logged_at) " +
            "FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await StartRowAsync(writer, row);
            await writer.WriteAsync(ReachJson(row.Reach), NpgsqlDbType.Jsonb);
            await writer.WriteAsync(Array.Empty<Guid>(), NpgsqlDbType.Array | NpgsqlDbType.Uuid);
            await writer.WriteAsync("Import", NpgsqlDbType.Varchar);
            await writer.WriteAsync(userId, NpgsqlDbType.Varchar);
            await writer.WriteAsync(userName, NpgsqlDbType.Varchar);
            await writer.WriteAsync(loggedAt, NpgsqlDbType.TimestampTz);
        }
        await writer.CompleteAsync();
    }

    private static async Task CopyFactsAsync(NpgsqlDataSource db, List<Row> rows, DateTimeOffset loggedAt)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY reports.activity_facts (activity_id, project_id, type, date, title, place, country, total_reach, deleted, updated_at) " +
            "FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                await StartRowAsync(writer, row);
                await writer.WriteAsync(row.TotalReach, NpgsqlDbType.Integer);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(loggedAt, NpgsqlDbType.TimestampTz);
            }
            await writer.CompleteAsync();
        }
        // As ActivityFacts.ApplyAsync: one row per audience and gender ("Unknown" when not split).
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY reports.reach_facts (activity_id, audience, gender, count) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                foreach (var slice in row.Reach.GroupBy(r => (r.Audience, Gender: r.Gender ?? "Unknown")))
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(row.Id, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(slice.Key.Audience, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(slice.Key.Gender, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(slice.Sum(r => r.Count), NpgsqlDbType.Integer);
                }
            }
            await writer.CompleteAsync();
        }
    }

    /// <summary>Starts a row with the columns Projects' activities and Reports' facts share, in the same order.</summary>
    private static async Task StartRowAsync(NpgsqlBinaryImporter writer, Row row)
    {
        await writer.StartRowAsync();
        await writer.WriteAsync(row.Id, NpgsqlDbType.Uuid);
        await writer.WriteAsync(row.ProjectId, NpgsqlDbType.Uuid);
        await writer.WriteAsync(row.Type, NpgsqlDbType.Varchar);
        await writer.WriteAsync(row.Date, NpgsqlDbType.Date);
        await writer.WriteAsync(row.Title, NpgsqlDbType.Varchar);
        await WriteNullableAsync(writer, row.Place, NpgsqlDbType.Varchar);
        await WriteNullableAsync(writer, row.Country, NpgsqlDbType.Varchar);
    }

    /// <summary>EF's owned-JSON mapping of an activity's reach: CLR property names, enums as their names.</summary>
    public static string ReachJson(IEnumerable<(string Audience, string? Gender, int Count)> reach)
    {
        var json = new StringBuilder("[");
        foreach (var (audience, gender, count) in reach)
        {
            if (json.Length > 1) json.Append(',');
            json.Append($"{{\"Audience\":\"{audience}\",\"Gender\":{(gender is null ? "null" : $"\"{gender}\"")},\"Count\":{count}}}");
        }
        return json.Append(']').ToString();
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type) =>
        value is null ? writer.WriteNullAsync() : writer.WriteAsync(value, type);
}
