using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Advocacy.IntegrationTests.Security;

/// <summary>
/// The demo data, an API limit no fuzzer reaches, and no outbox dispatch: with no consumer writing in the background,
/// every audit entry and outbox row that appears during a request was written by that request.
/// </summary>
public sealed class FuzzApp : AdvocacyApp
{
    public FuzzApp() => DispatchOutbox = false;

    protected override bool SeedDemoData => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RateLimits:ApiPerMinute"] = "1000000",
            ["RateLimits:SignInPerMinute"] = "1000000",
            ["Logging:LogLevel:Default"] = "Critical",
        }));
    }
}

/// <summary>
/// Hostile input: at least 10,000 generated bad requests across every endpoint of the host (its EndpointDataSource), as
/// an admin, with real and bad ids in the routes: malformed JSON, wrong types, huge and deeply nested bodies, invalid
/// UTF-8 and lone surrogates, SQL, HTML and spreadsheet-formula injection, out-of-range dates and numbers, bad query
/// strings. No answer may be a 5xx, and a rejected (4xx) request may write nothing: every write is audited, so the
/// audit entries written in requests (all schemas) and the outbox rows must not change across it.
/// </summary>
public sealed class FuzzTests(FuzzApp app, ITestOutputHelper output) : IClassFixture<FuzzApp>
{
    private const int Target = 10_000;
    private static readonly string[] Schemas = ["identity", "projects", "coalitions", "events", "reports"];

    private static readonly string[] HostileStrings =
    [
        "' OR '1'='1", "'; DROP TABLE projects.projects; --", "1; SELECT pg_sleep(0) --", "\" OR \"\"=\"", "x' UNION SELECT null, current_user --",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "&lt;b&gt;&amp;",
        "=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1",
        "", " ", "\u202Eevil\u202C", "😀👩‍👩‍👧‍👦", "e\u0301\u0301\u0301", "null", "undefined", "../../../../etc/passwd", "%00", "${jndi:ldap://x}",
        "{{7*7}}", new string('x', 5_000), new string('é', 70_000),
    ];

    /// <summary>Raw JSON values no client should send for a text (lone surrogates, NUL, control characters, wrong kinds).</summary>
    private static readonly string[] HostileJsonForStrings =
    [
        "\"\\ud800\"", "\"abc\\udc00def\"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\u0007\\u001b[31m\"", "123", "true", "[]", "{}", "[\"a\",\"b\"]", "null",
    ];

    private static readonly string[] HostileNumbers =
    [
        "0", "-1", "-2147483648", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "1e308", "-1e308",
        "1e309", "79228162514264337593543950336", "0.000000000000000000000000000001", "1.5", "-0", "\"1\"", "\"NaN\"", "\"Infinity\"", "true", "[]", "{}", "null",
    ];

    private static readonly string[] HostileDates =
    [
        "\"0001-01-01\"", "\"9999-12-31\"", "\"2016-02-30\"", "\"2016-13-01\"", "\"+10000-01-01\"", "\"1900-01-01\"", "\"2100-01-01\"", "\"\"",
        "\"2016-03-01T25:00:00\"", "\"yesterday\"", "20160301", "\"0000-00-00\"", "\"-0001-01-01\"", "\"9999-12-31T23:59:59.9999999+14:00\"", "null", "[]",
    ];

    private static readonly string[] HostileGuids =
    [
        "\"00000000-0000-0000-0000-000000000000\"", "\"not-a-guid\"", "\"' OR 1=1 --\"", "123", "\"{00000000-0000-0000-0000-000000000000}\"", "[]", "null",
    ];

    private static readonly string[] HostileQueryValues =
    [
        "-1", "0", "2147483648", "99999999999999999999", "1e3", "abc", "0001-01-01", "9999-12-31", "2016-02-30", "%00", "%FF%FE", "%ED%A0%80",
        "%27%20OR%20%271%27%3D%271", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%3DHYPERLINK(1)", "true", "null", "", new string('9', 400),
        Uri.EscapeDataString(new string('x', 3_000)), "00000000-0000-0000-0000-000000000000", "%E2%80%AE",
    ];

    private static readonly string[] CommonQueryNames =
    [
        "page", "pageSize", "from", "to", "search", "status", "projectId", "format", "section", "culture", "kind", "type", "level", "country",
        "sort", "background", "module", "entity", "userId", "handler", "returnUrl", "language",
    ];

    private static readonly string[] BadRouteValues =
    [
        "not-a-guid", "0", "-1", "00000000-0000-0000-0000-000000000000", "%27%20OR%201%3D1--", "%ED%A0%80", "%FF", "..%2F..%2Fetc",
        new string('a', 2_000), "%3Cscript%3E",
    ];

    private sealed record EndpointTarget(string Method, RoutePattern Pattern, bool IsPage, Type? BodyType, IReadOnlyList<ParameterInfo> QueryParameters)
    {
        public string Kind => $"{Method} {(IsPage ? "page" : Pattern.RawText!.StartsWith("/api/", StringComparison.Ordinal) ? "api" : "other")}";
    }

    private sealed record Case(EndpointTarget Target, string Kind, string Url, HttpContent? Content);

    [Fact]
    public async Task Ten_thousand_hostile_requests_across_every_endpoint_get_no_5xx_and_a_rejected_one_writes_nothing()
    {
        var targets = Targets();
        var ids = await IdsAsync();
        var random = new Random(20261123);
        var client = await app.ClientAsync(Roles.Admin);
        client.Timeout = TimeSpan.FromSeconds(60);
        await using var connection = await app.OpenAsync();

        var byKind = new SortedDictionary<string, int>();
        var byStatus = new SortedDictionary<int, int>();
        var byCase = new SortedDictionary<string, int>();
        var timeByKind = new SortedDictionary<string, TimeSpan>();
        var serverErrors = new List<string>();
        var writesByRejected = new List<string>();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var counts = await CountWritesAsync(connection);
        var perTarget = Target / targets.Count + 1;
        foreach (var target in targets)
        {
            foreach (var @case in Cases(target, ids, random).Take(perTarget))
            {
                using var request = new HttpRequestMessage(new HttpMethod(target.Method), @case.Url) { Content = @case.Content };
                var started = clock.Elapsed;
                using var response = await client.SendAsync(request);
                timeByKind[target.Kind] = timeByKind.GetValueOrDefault(target.Kind) + (clock.Elapsed - started);
                var status = (int)response.StatusCode;
                sent++;
                byKind[target.Kind] = byKind.GetValueOrDefault(target.Kind) + 1;
                byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                byCase[@case.Kind] = byCase.GetValueOrDefault(@case.Kind) + 1;
                if (status >= 500)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    serverErrors.Add($"{status} {target.Method} {Short(@case.Url)} [{@case.Kind}] {Short(body, 300)}");
                }
                var after = await CountWritesAsync(connection);
                if (status is >= 400 and < 500 && after != counts)
                {
                    writesByRejected.Add($"{status} {target.Method} {Short(@case.Url)} [{@case.Kind}]: audit/outbox {counts} -> {after}");
                }
                counts = after;
            }
        }

        output.WriteLine($"{sent:N0} requests to {targets.Count} endpoints in {clock.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine("By endpoint kind: " + string.Join(", ", byKind.Select(k => $"{k.Key}: {k.Value:N0}")));
        output.WriteLine("Time by endpoint kind: " + string.Join(", ", timeByKind.Select(k => $"{k.Key}: {k.Value.TotalSeconds:0.0} s")));
        output.WriteLine("By status code: " + string.Join(", ", byStatus.Select(s => $"{s.Key}: {s.Value:N0}")));
        output.WriteLine("By case: " + string.Join(", ", byCase.Select(c => $"{c.Key}: {c.Value:N0}")));
        foreach (var error in serverErrors.Concat(writesByRejected).Take(60))
        {
            output.WriteLine(error);
        }
        Assert.True(sent >= Target, $"Only {sent} requests");
        Assert.True(serverErrors.Count == 0, $"{serverErrors.Count} server errors, first: {serverErrors.FirstOrDefault()}");
        Assert.True(writesByRejected.Count == 0, $"{writesByRejected.Count} rejected requests wrote, first: {writesByRejected.FirstOrDefault()}");
    }

    /// <summary>Every endpoint of the host, with its body type and its query parameters.</summary>
    private List<EndpointTarget> Targets()
    {
        var targets = new List<EndpointTarget>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var isPage = endpoint.Metadata.Any(m => m.GetType().Name == "PageActionDescriptor" || m.GetType().Name == "CompiledPageActionDescriptor");
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? (isPage ? ["GET", "POST"] : ["GET"]);
            var handler = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
            var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var query = handler?.GetParameters()
                .Where(p => !routeNames.Contains(p.Name!) && IsSimple(p.ParameterType) && p.GetCustomAttribute<FromBodyAttribute>() is null)
                .ToList() ?? [];
            var body = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            foreach (var method in methods.Where(m => m != "OPTIONS" && m != "HEAD"))
            {
                targets.Add(new EndpointTarget(method, endpoint.RoutePattern, isPage, body, query));
            }
        }
        return targets.OrderBy(t => t.Pattern.RawText, StringComparer.Ordinal).ThenBy(t => t.Method, StringComparer.Ordinal).ToList();
    }

    /// <summary>An endless, varied stream of bad requests for one endpoint.</summary>
    private IEnumerable<Case> Cases(EndpointTarget target, Dictionary<string, List<string>> ids, Random random)
    {
        var hasBody = target.Method is "POST" or "PUT" or "PATCH";
        for (var round = 0; ; round++)
        {
            // Each round: the route with real ids (most of the time) or bad ones, then one kind of badness.
            var realIds = round % 4 != 3;
            var path = Path(target.Pattern, ids, random, realIds);
            var routeKind = realIds ? "" : "bad-route:";
            var choice = round % 10;
            if (!hasBody || choice < 2)
            {
                yield return new Case(target, routeKind + "bad-query", path + Query(target, random), hasBody ? Json(Plausible(target.BodyType, ids, random, 0)) : null);
                continue;
            }
            if (target.IsPage)
            {
                yield return new Case(target, routeKind + "form-without-antiforgery", path, new FormUrlEncodedContent(
                    [new("Input.Title", Pick(HostileStrings, random)), new("Input.Date", "9999-12-31"), new("handler", Pick(HostileStrings, random))]));
                continue;
            }
            yield return choice switch
            {
                2 => new Case(target, routeKind + "malformed-json", path, Raw(Pick(MalformedJson, random))),
                3 => new Case(target, routeKind + "wrong-json-kind", path, Raw(Pick(["[]", "\"text\"", "42", "null", "true", "[{}]", ""], random))),
                4 => new Case(target, routeKind + "huge-body", path, Raw(round % 20 < 10 ? HugeObject : HugeArray)),
                5 => new Case(target, routeKind + "deep-nesting", path, Raw(Mutate(Plausible(target.BodyType, ids, random, 0), random,
                    _ => new string('[', 5_000) + new string(']', 5_000)) ?? new string('{', 1) + string.Concat(Enumerable.Repeat("\"a\":{", 3_000)) + string.Concat(Enumerable.Repeat("}", 3_001)))),
                6 => new Case(target, routeKind + "invalid-utf8", path, Bytes(Invalid(Plausible(target.BodyType, ids, random, 0)))),
                7 => new Case(target, routeKind + "wrong-content-type", path, new StringContent(Plausible(target.BodyType, ids, random, 0), Encoding.UTF8,
                    Pick(["text/plain", "application/xml", "multipart/form-data", "application/x-www-form-urlencoded"], random))),
                _ => Hostile(target, path, routeKind, ids, random),
            };
        }
    }

    private Case Hostile(EndpointTarget target, string path, string routeKind, Dictionary<string, List<string>> ids, Random random)
    {
        var body = Plausible(target.BodyType, ids, random, 0);
        string kind = "hostile-value";
        var mutated = Mutate(body, random, type =>
        {
            var (k, value) = HostileFor(type, random);
            kind = k;
            return value;
        });
        return new Case(target, routeKind + kind, path, Raw(mutated ?? body));
    }

    private static (string Kind, string Json) HostileFor(Type type, Random random)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return random.Next(3) == 0
                ? ("invalid-unicode-or-wrong-type", Pick(HostileJsonForStrings, random))
                : ("injection-string", JsonSerializer.Serialize(Pick(HostileStrings, random)));
        }
        if (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeOnly))
        {
            return ("out-of-range-date", Pick(HostileDates, random));
        }
        if (t == typeof(Guid))
        {
            return ("bad-id", Pick(HostileGuids, random));
        }
        if (t.IsEnum)
        {
            return ("bad-enum", Pick(["\"notAValue\"", "99", "-1", "\"\"", "\"0\"", "null", "[]"], random));
        }
        if (t.IsPrimitive || t == typeof(decimal))
        {
            return ("out-of-range-number", Pick(HostileNumbers, random));
        }
        return ("wrong-type", Pick(["\"text\"", "42", "true", "null", "[]", "{}", "[null]", "[\"" + new string('x', 10_000) + "\"]",
            "[" + string.Join(",", Enumerable.Repeat("{}", 20_000)) + "]"], random));
    }

    /// <summary>The JSON with one property (at any depth, in the first element of lists) replaced by <paramref name="replace"/>'s JSON.</summary>
    private static string? Mutate(string json, Random random, Func<Type, string> replace)
    {
        // Plausible bodies are written with a marker per property: pick one and replace its value.
        var markers = PropertyMarker.Matches(json);
        if (markers.Count == 0)
        {
            return null;
        }
        var chosen = markers[random.Next(markers.Count)];
        var type = MarkerTypes[chosen.Groups[1].Value];
        var start = chosen.Index + chosen.Length;
        var end = ValueEnd(json, start);
        return Unmark(json[..chosen.Index] + replace(type) + json[end..]);
    }

    private static readonly System.Text.RegularExpressions.Regex PropertyMarker = new(@"/\*(t\d+)\*/");
    private static readonly Dictionary<string, Type> MarkerTypes = new();

    private static string Unmark(string json) => PropertyMarker.Replace(json, "");

    private static int ValueEnd(string json, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            switch (c)
            {
                case '"': inString = true; break;
                case '[' or '{': depth++; break;
                case ']' or '}' when depth == 0: return i;
                case ']' or '}': depth--; break;
                case ',' when depth == 0: return i;
            }
        }
        return json.Length;
    }

    /// <summary>A plausible JSON value of <paramref name="type"/>, each property's value preceded by a marker of its type.</summary>
    private static string Plausible(Type? type, Dictionary<string, List<string>> ids, Random random, int depth)
    {
        if (type is null)
        {
            return "{}";
        }
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return JsonSerializer.Serialize(Pick(["Training of guardians", "BE", "en", "x", "staff@demo.advocacy.local"], random));
        if (t == typeof(bool)) return "true";
        if (t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(uint) || t == typeof(byte)) return random.Next(1, 30).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (t == typeof(decimal) || t == typeof(double) || t == typeof(float)) return "12.5";
        if (t == typeof(Guid)) return JsonSerializer.Serialize(Pick(ids["*"], random));
        if (t == typeof(DateOnly)) return "\"2016-03-01\"";
        if (t == typeof(DateTime) || t == typeof(DateTimeOffset)) return "\"2016-03-01T10:00:00Z\"";
        if (t == typeof(TimeOnly)) return "\"09:30\"";
        if (t.IsEnum)
        {
            var name = Pick(Enum.GetNames(t), random);
            return JsonSerializer.Serialize(char.ToLowerInvariant(name[0]) + name[1..]);
        }
        if (depth > 3) return "null";
        var element = t.IsArray ? t.GetElementType() : t.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(t) && t.GetGenericArguments().Length == 1 ? t.GetGenericArguments()[0] : null;
        if (element is not null)
        {
            return "[" + Marked(element) + Plausible(element, ids, random, depth + 1) + "]";
        }
        if (typeof(System.Collections.IDictionary).IsAssignableFrom(t) || t == typeof(JsonElement) || t == typeof(object)) return "{}";
        var properties = t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || t.GetConstructors().Any(c => c.GetParameters().Any(a => a.Name == p.Name))).ToList();
        return "{" + string.Join(",", properties.Select(p =>
            JsonSerializer.Serialize(JsonNamingPolicy.CamelCase.ConvertName(p.Name)) + ":" + Marked(p.PropertyType) + Plausible(p.PropertyType, ids, random, depth + 1))) + "}";
    }

    private static string Marked(Type type)
    {
        lock (MarkerTypes)
        {
            var key = MarkerTypes.FirstOrDefault(m => m.Value == type).Key;
            if (key is null)
            {
                key = $"t{MarkerTypes.Count}";
                MarkerTypes[key] = type;
            }
            return $"/*{key}*/";
        }
    }

    private static readonly string HugeObject = "{\"title\":\"" + new string('x', 3_000_000) + "\"}";

    private static readonly string HugeArray = "[" + string.Join(",", Enumerable.Repeat("{\"a\":1}", 200_000)) + "]";

    private static readonly string[] MalformedJson =
    [
        "{", "{\"title\":", "{\"title\":\"x\"", "{title:'x'}", "{\"a\":1,}", "[1,2", "nul", "{\"a\":\"\\x\"}", "{\"a\":\"\\ud800\"}", "\"unterminated",
        "{\"a\":1}{\"b\":2}", "{\"a\" 1}", "{\"a\":01}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":.5}", "{\"a\":+1}", "\u00ef\u00bb\u00bf{}", "{/*c*/}",
        "{\"a\":1,\"a\":2}", "<xml/>", "' OR 1=1 --", "{\"__proto__\":{\"admin\":true}}", "{\"$type\":\"System.Object\"}",
    ];

    private static byte[] Invalid(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(Unmark(json));
        // Invalid UTF-8 inside a string value where there is one, else at the start.
        var quote = Array.IndexOf(bytes, (byte)'"', Math.Min(bytes.Length - 1, 1));
        var at = quote < 0 ? 0 : Math.Min(bytes.Length, quote + 1);
        byte[] bad = [0xFF, 0xFE, 0xC0, 0xAF, 0xED, 0xA0, 0x80];
        return [.. bytes[..at], .. bad, .. bytes[at..]];
    }

    private static HttpContent Raw(string json) => new StringContent(Unmark(json), Encoding.UTF8, "application/json");

    private static HttpContent Json(string json) => Raw(json);

    private static HttpContent Bytes(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private static string Path(RoutePattern pattern, Dictionary<string, List<string>> ids, Random random, bool realIds)
    {
        var path = new StringBuilder();
        string? previous = null;
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        path.Append(literal.Content);
                        previous = literal.Content;
                        break;
                    case RoutePatternSeparatorPart separator:
                        path.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter:
                        path.Append(realIds ? Uri.EscapeDataString(IdFor(parameter.Name, previous, ids, random)) : Pick(BadRouteValues, random));
                        break;
                }
            }
        }
        return path.Length == 0 ? "/" : path.ToString();
    }

    /// <summary>A real id for a route parameter: <c>projectId</c> from <c>projects</c>, <c>{id}</c> after <c>/participants/</c> from <c>participants</c>.</summary>
    private static string IdFor(string name, string? previous, Dictionary<string, List<string>> ids, Random random)
    {
        var table = name.Equals("id", StringComparison.OrdinalIgnoreCase) || !name.EndsWith("Id", StringComparison.Ordinal)
            ? previous?.Replace('-', '_')
            : Plural(Snake(name[..^2]));
        if (table is not null)
        {
            var match = ids.Keys.FirstOrDefault(k => k == table) ?? ids.Keys.FirstOrDefault(k => k.EndsWith("_" + table, StringComparison.Ordinal));
            if (match is not null && random.Next(10) != 0)
            {
                return Pick(ids[match], random);
            }
        }
        return random.Next(3) == 0 ? Guid.NewGuid().ToString() : Pick(ids["*"], random);
    }

    private static string Snake(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Plural(string name) => name.EndsWith('y') ? name[..^1] + "ies" : name + "s";

    private static string Query(EndpointTarget target, Random random)
    {
        var names = target.QueryParameters.Select(p => p.Name!).Concat(CommonQueryNames.OrderBy(_ => random.Next()).Take(2)).ToList();
        var parts = names.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).Select(n => $"{n}={Pick(HostileQueryValues, random)}").ToList();
        if (random.Next(5) == 0 && parts.Count > 0)
        {
            parts.Add(parts[0]); // the same parameter twice
        }
        return "?" + string.Join("&", parts);
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid) || t == typeof(DateOnly)
            || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeOnly);
    }

    /// <summary>Ids of the seeded records, by table name (and all of them under <c>*</c>).</summary>
    private async Task<Dictionary<string, List<string>>> IdsAsync()
    {
        var ids = new Dictionary<string, List<string>> { ["*"] = [] };
        await using var connection = await app.OpenAsync();
        var tables = new List<(string Schema, string Table, string Column)>();
        await using (var command = new NpgsqlCommand("""
            SELECT table_schema, table_name, column_name FROM information_schema.columns
            WHERE table_schema = ANY(@schemas) AND column_name IN ('id', 'activity_id') AND ordinal_position = 1
            """, connection))
        {
            command.Parameters.AddWithValue("schemas", Schemas);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        foreach (var (schema, table, column) in tables.Where(t => t.Table != "audit_entries" && t.Table != "outbox_messages"))
        {
            await using var select = new NpgsqlCommand($"SELECT {column}::text FROM {schema}.\"{table}\" LIMIT 30", connection);
            await using var reader = await select.ExecuteReaderAsync();
            var found = new List<string>();
            while (await reader.ReadAsync())
            {
                found.Add(reader.GetString(0));
            }
            if (found.Count > 0)
            {
                ids[Snake(table)] = found;
                ids["*"].AddRange(found);
            }
        }
        return ids;
    }

    /// <summary>Audit entries written in requests, across every schema, and outbox rows: what a rejected request must not change.</summary>
    private static async Task<(long Audit, long Outbox)> CountWritesAsync(NpgsqlConnection connection)
    {
        // A refused sign-in counts the failure towards the lockout (issue 7 asks for it): the one write a 401 makes.
        // Identity's store updates the whole user row, so the entry is recognised by what and where, not by its columns.
        const string lockoutBookkeeping = "entity = 'IdentityUser' AND action = 'modified' AND request LIKE 'POST /api/auth/%'";
        var audit = string.Join(" + ", Schemas.Select(s =>
            $"(SELECT count(*) FROM {s}.audit_entries WHERE request IS NOT NULL{(s == "identity" ? $" AND NOT ({lockoutBookkeeping})" : "")})"));
        var outbox = string.Join(" + ", Schemas.Where(s => s != "identity").Select(s => $"(SELECT count(*) FROM {s}.outbox_messages)"));
        await using var command = new NpgsqlCommand($"SELECT {audit}, {outbox}", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];

    private static string Short(string text, int length = 160) => text.Length <= length ? text : text[..length] + "…";
}
