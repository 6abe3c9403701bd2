using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Coalitions.Coalitions.ListCoalitions;
using Advocacy.Modules.Coalitions.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Advocacy.Modules.Coalitions.Areas.Coalitions.Pages;

/// <summary>The coalitions we are in (or all, with those we left), by name, paged: the list endpoint's query.</summary>
[Authorize(Policy = Policies.Read)]
internal sealed class IndexModel(CoalitionsDbContext db) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Also the coalitions the organisation has left.</summary>
    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    // "page" is taken: Razor Pages route by it.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Page<CoalitionListItem> Coalitions { get; private set; } = new([], 1, PageSize, 0);

    public int PageCount => Math.Max(1, (Coalitions.TotalCount + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var result = await ListCoalitionsEndpoint.Handle(db, cancellationToken, current: All ? null : true, page: PageNumber, pageSize: PageSize);
        if (result.Result is Ok<Page<CoalitionListItem>> { Value: { } page })
        {
            Coalitions = page;
        }
    }
}
