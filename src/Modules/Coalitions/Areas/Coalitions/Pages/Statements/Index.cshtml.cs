using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Coalitions.Data;
using Advocacy.Modules.Coalitions.Statements;
using Advocacy.Modules.Coalitions.Statements.ListStatements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Advocacy.Modules.Coalitions.Areas.Coalitions.Pages.Statements;

/// <summary>All statements and positions, latest first, paged: the list endpoint's query.</summary>
[Authorize(Policy = Policies.Read)]
internal sealed class IndexModel(CoalitionsDbContext db) : PageModel
{
    public const int PageSize = 50;

    // "page" is taken: Razor Pages route by it.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Page<StatementResponse> Statements { get; private set; } = new([], 1, PageSize, 0);

    public int PageCount => Math.Max(1, (Statements.TotalCount + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        if ((await ListStatementsEndpoint.Handle(db, cancellationToken, page: PageNumber, pageSize: PageSize)).Result
            is Ok<Page<StatementResponse>> { Value: { } page })
        {
            Statements = page;
        }
    }
}
