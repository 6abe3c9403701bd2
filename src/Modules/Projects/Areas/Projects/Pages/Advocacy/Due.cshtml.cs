using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Outcomes;
using Advocacy.Modules.Projects.Outcomes.ListCommitments;
using Advocacy.Modules.Projects.Outcomes.ListFollowUps;
using Advocacy.Modules.Projects.Outcomes.UpdateFollowUp;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Projects.Areas.Projects.Pages.Advocacy;

/// <summary>
/// "My follow-ups due" (overdue, then this week) and "commitments overdue", the list endpoints' own queries;
/// a follow-up is marked done through the follow-up endpoint, with the version listed.
/// </summary>
[Authorize(Policy = Policies.Write)]
internal sealed class DueModel(ProjectsDbContext db, IStringLocalizer<AdvocacyText> text, IUserDirectory users, TimeProvider clock)
    : AdvocacyPage(db, text)
{
    /// <summary>Enough for one person's desk; the API pages further.</summary>
    public const int PageSize = 100;

    public IReadOnlyList<FollowUpResponse> Overdue { get; private set; } = [];

    public IReadOnlyList<FollowUpResponse> ThisWeek { get; private set; } = [];

    public IReadOnlyList<CommitmentResponse> OverdueCommitments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostDoneAsync(Guid id, uint version, CancellationToken cancellationToken)
    {
        var stored = await Db.FollowUps.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }
        // Only the fields the list showed change: done today, the rest as read.
        var request = new FollowUpRequest(stored.Action, stored.OwnerUserId, stored.DueDate, Done: true, Version: version);
        try
        {
            if (await RunAsync(async () => await UpdateFollowUpEndpoint.Handle(id, request, Db, users, clock, cancellationToken), "") is not null)
            {
                TempData["Notice"] = Text["Follow-up done: {0}.", stored.Action].Value;
                return RedirectToPage();
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        Problem ??= string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Overdue = await FollowUpsAsync("overdue", cancellationToken);
        ThisWeek = await FollowUpsAsync("week", cancellationToken);
        if ((await ListCommitmentsEndpoint.Handle(Db, clock, cancellationToken, overdue: true, pageSize: PageSize)).Result
            is Ok<Page<CommitmentResponse>> { Value: { } commitments })
        {
            OverdueCommitments = commitments.Items;
        }
    }

    private async Task<IReadOnlyList<FollowUpResponse>> FollowUpsAsync(string due, CancellationToken cancellationToken) =>
        (await ListFollowUpsEndpoint.Handle(Db, User, clock, cancellationToken, owner: "me", due: due, pageSize: PageSize)).Result
            is Ok<Page<FollowUpResponse>> { Value: { } page } ? page.Items : [];
}
