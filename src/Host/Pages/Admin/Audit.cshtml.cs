using System.Text.Encodings.Web;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Web;
using Advocacy.Host.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Advocacy.Host.Pages.Admin;

/// <summary>
/// The audit trail for admins: the newest writes across the modules' schemas, filtered by module, entity, entity id,
/// user and days (UTC). It runs the admin API's own query (<see cref="ReadAuditTrailEndpoint"/>); bad filters show
/// that endpoint's messages above the list.
/// </summary>
[Authorize(Policy = Policies.Admin)]
internal sealed class AuditModel(IEnumerable<IModuleDatabase> databases, IUserDirectory users) : PageModel
{
    public const int PageSize = 50;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [BindProperty(SupportsGet = true)]
    public string? Module { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    /// <summary>The first day shown, from its start (UTC).</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>The last day shown, to its end (UTC).</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public Page<AuditEntryResponse> Found { get; private set; } = new([], 1, PageSize, 0);

    public int PageCount => Math.Max(1, (Found.TotalCount + PageSize - 1) / PageSize);

    public IReadOnlyList<SelectListItem> Modules { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken, [FromQuery(Name = "page")] int page = 1)
    {
        Modules = databases.Select(d => d.Schema).Order(StringComparer.Ordinal).Select(s => new SelectListItem(s, s)).ToList();
        Users = (await users.ListAsync(cancellationToken)).Select(u => new SelectListItem(u.Name, u.Id))
            .Append(new SelectListItem("system", "system")).ToList();
        if (!ModelState.IsValid)
        {
            return;
        }
        var result = await ReadAuditTrailEndpoint.Handle(
            databases, HttpContext.RequestServices, cancellationToken, BuildingBlocks.Input.Blank(Module), Entity, EntityId, BuildingBlocks.Input.Blank(UserId),
            From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            To is { } to ? new DateTimeOffset(to.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero) : null,
            Math.Clamp(page, 1, 1_000_000), PageSize);
        switch (result.Result)
        {
            case Ok<Page<AuditEntryResponse>> { Value: { } found }:
                Found = found;
                break;
            case ValidationProblem problem:
                FormErrors.Add(ModelState, problem.ProblemDetails.Errors, "");
                break;
        }
    }

    /// <summary>A record's values, indented for reading; empty when there are none (before an insert, after a delete).</summary>
    public static string Json(JsonElement? values) => values is { } v ? JsonSerializer.Serialize(v, Indented) : "";

    /// <summary>The address of another page of the list with the same filters.</summary>
    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["module"] = Module, ["entity"] = Entity, ["entityId"] = EntityId, ["userId"] = UserId,
        ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"), ["page"] = page.ToString(),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
