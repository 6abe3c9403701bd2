using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Advocacy.IntegrationTests.Foundation;

/// <summary>
/// Every endpoint the host maps says who may call it, and each role gets exactly that: the matrix is built from
/// the host's own list of endpoints, so a new endpoint is checked the day it is added (ADR 0016).
/// </summary>
public sealed partial class AccessMatrixTests(AdvocacyApp app, ITestOutputHelper output) : IClassFixture<AdvocacyApp>
{
    /// <summary>Who each policy admits.</summary>
    private static readonly Dictionary<string, string[]> PolicyRoles = new()
    {
        [Policies.Read] = [Roles.Staff, Roles.Manager, Roles.Admin],
        [Policies.Write] = [Roles.Staff, Roles.Manager, Roles.Admin],
        [Policies.Manage] = [Roles.Manager, Roles.Admin],
        [Policies.Admin] = [Roles.Admin],
    };

    private static readonly string[] Callers = ["anonymous", Roles.Staff, Roles.Manager, Roles.Admin];

    private const string MatrixDocument = "docs/security/access-matrix.md";

    private List<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    /// <summary>The endpoint's one policy, "public", or null when it names none.</summary>
    private static string? PolicyOf(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return "public";
        }
        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
        return policies.Count == 1 && PolicyRoles.ContainsKey(policies[0]) ? policies[0] : null;
    }

    private static string Describe(RouteEndpoint endpoint) =>
        $"{string.Join(",", endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])} /{endpoint.RoutePattern.RawText?.TrimStart('/')}";

    [Fact]
    public void Every_endpoint_and_page_names_one_policy_or_is_explicitly_public()
    {
        var endpoints = Endpoints();
        Assert.True(endpoints.Count > 150, $"Only {endpoints.Count} endpoints found: is the list complete?");

        var unnamed = endpoints.Where(e => PolicyOf(e) is null).Select(Describe).Order().ToList();

        Assert.True(unnamed.Count == 0, "Endpoints without an explicit policy:\n" + string.Join("\n", unnamed));
    }

    [Fact]
    public async Task Each_role_gets_exactly_what_each_api_endpoints_policy_grants()
    {
        await app.ResetAsync();
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = app.CreateClient() };
        foreach (var role in Roles.All)
        {
            clients[role] = await app.ClientAsync(role);
        }
        // A project the staff member is not assigned to: its routes must be as closed to them as a missing one.
        var othersProject = await Api.CreateProjectAsync(clients[Roles.Manager], "MARIO", "2015-01-01");

        var rows = new List<string>();
        var wrong = new List<string>();
        var api = Endpoints()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (Endpoint: e, Method: method)))
            .OrderBy(e => e.Endpoint.RoutePattern.RawText, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();
        foreach (var (endpoint, method) in api)
        {
            var policy = PolicyOf(endpoint) ?? "none";
            var path = Path(endpoint.RoutePattern.RawText!, othersProject);
            var cells = new List<string>();
            foreach (var caller in Callers)
            {
                var status = await SendAsync(clients[caller], method, path);
                var expected = Expected(policy, caller);
                var granted = status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500;
                var ok = expected == "granted" ? granted : status == (expected == "401" ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden);
                // Staff reading another project's records must not see them.
                if (ok && caller == Roles.Staff && method == "GET" && path.Contains(othersProject.ToString()) && status == HttpStatusCode.OK)
                {
                    ok = false;
                }
                if (!ok)
                {
                    wrong.Add($"{method} {path} as {caller}: {(int)status}, expected {expected}");
                }
                cells.Add(expected == "granted" ? "✓" : expected);
            }
            rows.Add($"| `{method} /{endpoint.RoutePattern.RawText!.TrimStart('/')}` | {policy} | {string.Join(" | ", cells)} |");
        }

        var matrix = new StringBuilder()
            .AppendLine("# Access matrix")
            .AppendLine()
            .AppendLine("Generated by `AccessMatrixTests` from the host's own list of API endpoints (ADR 0016). ✓: the role is let through")
            .AppendLine("(staff then only reach the projects they are assigned to: another project's records answer 404); 401: sign in first;")
            .AppendLine("403: the role may not. Every row was checked against the running host.")
            .AppendLine()
            .AppendLine($"| Endpoint | Policy | {string.Join(" | ", Callers)} |")
            .AppendLine($"|---|---|{string.Concat(Callers.Select(_ => "---|"))}")
            .AppendJoin(Environment.NewLine, rows).AppendLine()
            .ToString();
        output.WriteLine(matrix);
        Assert.True(wrong.Count == 0, "Access not as the policy says:\n" + string.Join("\n", wrong));

        // The committed matrix is the one the host has: a new or changed endpoint means a new matrix to review.
        var document = System.IO.Path.Combine(Repository.Root(), MatrixDocument);
        var committed = File.Exists(document) ? await File.ReadAllTextAsync(document) : "";
        if (committed.ReplaceLineEndings() != matrix.ReplaceLineEndings())
        {
            var fresh = System.IO.Path.Combine(Repository.Root(), "artifacts", "access-matrix.md");
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fresh)!);
            await File.WriteAllTextAsync(fresh, matrix);
            Assert.Fail($"{MatrixDocument} is not the host's matrix: review artifacts/access-matrix.md and copy it there.");
        }
    }

    private static string Expected(string policy, string caller) =>
        policy == "public" ? "granted"
        : caller == "anonymous" ? "401"
        : PolicyRoles.TryGetValue(policy, out var roles) && roles.Contains(caller) ? "granted"
        : "403";

    /// <summary>The route with its parameters filled: projects are another's project, other ids unknown ones.</summary>
    private static string Path(string pattern, Guid othersProject) =>
        "/" + RouteParameter().Replace(pattern.TrimStart('/'), match =>
        {
            var name = match.Groups["name"].Value;
            var constraint = match.Groups["constraint"].Value;
            return name == "projectId" || (name == "id" && pattern.StartsWith("api/projects/{", StringComparison.Ordinal))
                ? othersProject.ToString()
                : constraint.Contains("int", StringComparison.Ordinal) ? "1"
                : constraint.Contains("guid", StringComparison.Ordinal) ? "0190a5a0-0000-7000-8000-000000000001"
                : "unknown";
        });

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = JsonContent.Create(new JsonObjectPlaceholder());
        }
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return response.StatusCode;
    }

    /// <summary>An empty JSON object: the smallest body every write endpoint must read and refuse or accept.</summary>
    private sealed record JsonObjectPlaceholder;

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z]+)(?<constraint>[^}]*)\}")]
    private static partial Regex RouteParameter();
}
