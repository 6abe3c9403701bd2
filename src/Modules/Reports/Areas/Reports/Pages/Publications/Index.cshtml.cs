using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.Publications;
using Advocacy.Modules.Reports.Publications.ListPublications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Advocacy.Modules.Reports.Areas.Reports.Pages.Publications;

/// <summary>The organisation's publications, drafts first then latest published, paged: the list endpoint's query.</summary>
[Authorize(Policy = Policies.Read)]
internal sealed class IndexModel(ReportsDbContext db) : PageModel
{
    public const int PageSize = 20;

    public Page<PublicationResponse> Publications { get; private set; } = new([], 1, PageSize, 0);

    public int PageCount => Math.Max(1, (Publications.TotalCount + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken, [FromQuery(Name = "page")] int page = 1)
    {
        var result = await ListPublicationsEndpoint.Handle(db, cancellationToken, page: Math.Clamp(page, 1, 1_000_000), pageSize: PageSize);
        if (result.Result is Ok<Page<PublicationResponse>> { Value: { } publications })
        {
            Publications = publications;
        }
    }
}
