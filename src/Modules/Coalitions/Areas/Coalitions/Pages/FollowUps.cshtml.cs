using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Coalitions.Data;
using Advocacy.Modules.Coalitions.Meetings.ListFollowUps;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Advocacy.Modules.Coalitions.Areas.Coalitions.Pages;

/// <summary>My open follow-ups from coalition meetings: overdue, and due this week (the list endpoint's "due" filter).</summary>
[Authorize(Policy = Policies.Read)]
internal sealed class FollowUpsModel(CoalitionsDbContext db, TimeProvider clock) : PageModel
{
    private const int Most = 100;

    public IReadOnlyList<DueFollowUpResponse> Overdue { get; private set; } = [];

    public IReadOnlyList<DueFollowUpResponse> ThisWeek { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Overdue = await DueAsync("overdue", cancellationToken);
        ThisWeek = await DueAsync("week", cancellationToken);
    }

    private async Task<IReadOnlyList<DueFollowUpResponse>> DueAsync(string due, CancellationToken cancellationToken) =>
        (await ListFollowUpsEndpoint.Handle(db, User, clock, cancellationToken, owner: "me", due: due, pageSize: Most)).Result
            is Ok<Page<DueFollowUpResponse>> { Value: { } page } ? page.Items : [];
}
