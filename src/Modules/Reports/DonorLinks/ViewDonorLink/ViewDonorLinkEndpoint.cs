using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Advocacy.Modules.Reports.ApprovedPeriods;
using Advocacy.Modules.Reports.Dashboards;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.Indicators;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.DonorLinks.ViewDonorLink;

/// <summary>An approved reporting period, as a donor sees it.</summary>
internal sealed record PeriodView(DateOnly From, DateOnly To);

/// <summary>An indicator against its target, counting only approved periods.</summary>
internal sealed record DonorIndicator(string? Code, string Name, string Unit, decimal Baseline, decimal Target, decimal? Actual, decimal? Progress);

/// <summary>
/// What a donor link shows: a project's dashboard figures from its approved periods only. Aggregates
/// and the project's public description, nothing about people: no names, no users, no activity titles.
/// </summary>
internal sealed record DonorLinkDashboard(
    string ProjectCode, string ProjectName, string Level, IReadOnlyList<string> Countries, IReadOnlyList<PeriodView> ApprovedPeriods,
    TopLine TopLine, List<MonthFigures> Monthly, Dictionary<string, int> ActivitiesByType, Dictionary<string, int> ReachByAudience,
    List<DonorIndicator> Indicators, DateTimeOffset LinkExpiresAt);

/// <summary>The public side of donor links: a JSON API and a plain HTML page, both without an account.</summary>
internal sealed class ViewDonorLinkEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/public/donor-links/{token}", Handle)
            .WithTags("Donor links")
            .WithName("ViewDonorLink")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A project's figures from approved periods, for whoever holds a live donor link.");
        app.MapGet("/donor/{token}", Page)
            .WithTags("Donor links")
            .WithName("DonorLinkPage")
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    internal static async Task<Results<Ok<DonorLinkDashboard>, ProblemHttpResult>> Handle(
        string token, ReportsDbContext db, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        Private(http);
        var dashboard = await DashboardAsync(token, db, clock, cancellationToken);
        return dashboard is null ? Gone() : TypedResults.Ok(dashboard);
    }

    internal static async Task<IResult> Page(string token, ReportsDbContext db, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        Private(http);
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        var dashboard = await DashboardAsync(token, db, clock, cancellationToken);
        return dashboard is null
            ? Results.Content(Html("Link not available", "<p>This link does not exist, has expired or was revoked.</p>"), "text/html; charset=utf-8", statusCode: 404)
            : Results.Content(Render(dashboard), "text/html; charset=utf-8");
    }

    /// <summary>The same answer whether the link never existed, expired or was revoked: a holder learns nothing more.</summary>
    private static ProblemHttpResult Gone() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "This link does not exist, has expired or was revoked.");

    /// <summary>The token is in the address: keep it out of referrers, caches and search engines.</summary>
    private static void Private(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
    }

    private static async Task<DonorLinkDashboard?> DashboardAsync(string token, ReportsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (token.Length > 100)
        {
            return null;
        }
        var hash = DonorLink.Hash(token);
        var link = await db.DonorLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (link is null || !link.IsLive(clock.GetUtcNow()))
        {
            return null;
        }
        var project = await db.ProjectSummaries.AsNoTracking().SingleOrDefaultAsync(p => p.ProjectId == link.ProjectId, cancellationToken);
        if (project is null)
        {
            return null;
        }
        var periods = await db.ApprovedPeriods.AsNoTracking().Where(p => p.ProjectId == link.ProjectId && p.Approved)
            .OrderBy(p => p.From).Select(p => new PeriodView(p.From, p.To)).ToListAsync(cancellationToken);
        var facts = ApprovedPeriod.OnlyApproved(db, DashboardQueries.Facts(db, link.ProjectId, null, null));
        var months = await DashboardQueries.MonthTotalsAsync(DashboardQueries.AsMonthCells(facts), cancellationToken);
        var indicators = await IndicatorTable.ForProjectsAsync(db, [link.ProjectId], null, null, cancellationToken, approvedOnly: true);
        return new DonorLinkDashboard(
            project.Code, project.Name, DashboardQueries.Camel(project.Level.ToString()), project.Countries, periods,
            await DashboardQueries.TopLineAsync(months, facts, cancellationToken),
            DashboardQueries.Monthly(months),
            await DashboardQueries.ActivitiesByTypeAsync(DashboardQueries.AsTypeCells(facts), cancellationToken),
            await DashboardQueries.ReachByAudienceAsync(DashboardQueries.AsReachCells(facts), cancellationToken),
            indicators.Select(i => new DonorIndicator(i.Code, i.Name, i.Unit, i.Baseline, i.Target, i.Actual, i.Progress)).ToList(),
            link.ExpiresAt);
    }

    private static string Render(DonorLinkDashboard d)
    {
        static string E(object? value) => HtmlEncoder.Default.Encode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
        var body = new StringBuilder();
        body.Append($"<h1>{E(d.ProjectCode)}: {E(d.ProjectName)}</h1>");
        body.Append(d.ApprovedPeriods.Count == 0
            ? "<p>No reporting period of this project has been approved yet.</p>"
            : $"<p>Figures from the approved periods: {string.Join(", ", d.ApprovedPeriods.Select(p => $"{p.From:yyyy-MM-dd} – {p.To:yyyy-MM-dd}"))}.</p>");
        body.Append("<table><caption>Key figures</caption><tbody>");
        body.Append($"<tr><th scope=\"row\">Activities</th><td>{d.TopLine.Activities:N0}</td></tr>");
        body.Append($"<tr><th scope=\"row\">People reached</th><td>{d.TopLine.Reach:N0}</td></tr>");
        body.Append($"<tr><th scope=\"row\">Events held</th><td>{d.TopLine.EventsHeld:N0}</td></tr>");
        body.Append($"<tr><th scope=\"row\">Coalition activities</th><td>{d.TopLine.CoalitionActivities:N0}</td></tr></tbody></table>");
        body.Append("<table><caption>Indicators</caption><thead><tr><th scope=\"col\">Indicator</th><th scope=\"col\">Baseline</th><th scope=\"col\">Target</th><th scope=\"col\">Actual</th></tr></thead><tbody>");
        foreach (var i in d.Indicators)
        {
            body.Append($"<tr><td>{E(i.Code)} {E(i.Name)} ({E(i.Unit)})</td><td>{E(i.Baseline)}</td><td>{E(i.Target)}</td><td>{E(i.Actual)}</td></tr>");
        }
        body.Append("</tbody></table>");
        body.Append("<table><caption>Activities and reach by month</caption><thead><tr><th scope=\"col\">Month</th><th scope=\"col\">Activities</th><th scope=\"col\">People reached</th></tr></thead><tbody>");
        foreach (var m in d.Monthly)
        {
            body.Append($"<tr><td>{E(m.Month)}</td><td>{m.Activities:N0}</td><td>{m.Reach:N0}</td></tr>");
        }
        body.Append("</tbody></table>");
        body.Append($"<p><small>This link works until {d.LinkExpiresAt:yyyy-MM-dd}.</small></p>");
        return Html($"{d.ProjectCode}: figures for donors", body.ToString());
    }

    /// <summary>The page's only style, inline so the page stands alone; the page's CSP allows exactly it, by hash.</summary>
    private const string Style =
        "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse;"
        + "margin:1rem 0;min-width:20rem}caption{text-align:left;font-weight:bold;padding:.25rem 0}th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left}";

    private static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Style)))}'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static string Html(string title, string body) =>
        $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow"><title>{{HtmlEncoder.Default.Encode(title)}}</title>
        <style>{{Style}}</style>
        </head><body><main>{{body}}</main></body></html>
        """;
}
