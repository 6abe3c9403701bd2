using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.Modules.Coalitions.Coalitions;
using Advocacy.Modules.Coalitions.Coalitions.GetCoalition;
using Advocacy.Modules.Coalitions.Data;
using Advocacy.Modules.Coalitions.Meetings;
using Advocacy.Modules.Coalitions.Meetings.ListMeetings;
using Advocacy.Modules.Coalitions.Statements;
using Advocacy.Modules.Coalitions.Statements.ListStatements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Advocacy.Modules.Coalitions.Areas.Coalitions.Pages;

/// <summary>A coalition: our role, its members, its latest meetings with their follow-ups, and its statements.</summary>
[Authorize(Policy = Policies.Read)]
internal sealed class CoalitionModel(CoalitionsDbContext db, IUserDirectory users) : PageModel
{
    /// <summary>How many of the latest meetings and statements the page shows.</summary>
    public const int Latest = 20;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public CoalitionResponse Coalition { get; private set; } = null!;

    public Page<MeetingResponse> Meetings { get; private set; } = new([], 1, Latest, 0);

    public Page<StatementResponse> Statements { get; private set; } = new([], 1, Latest, 0);

    /// <summary>The names of the people the meetings name (attendees, follow-up owners).</summary>
    public IReadOnlyDictionary<string, string> People { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Coalition = (await GetCoalitionEndpoint.Handle(Id, db, cancellationToken)).Value!;
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        if ((await ListMeetingsEndpoint.Handle(Id, db, cancellationToken, pageSize: Latest)).Result is Ok<Page<MeetingResponse>> { Value: { } meetings })
        {
            Meetings = meetings;
        }
        if ((await ListStatementsEndpoint.Handle(db, cancellationToken, coalitionId: Id, pageSize: Latest)).Result is Ok<Page<StatementResponse>> { Value: { } statements })
        {
            Statements = statements;
        }
        People = await users.FindAsync(
            Meetings.Items.SelectMany(m => m.AttendeeUserIds.Concat(m.FollowUps.Select(f => f.OwnerUserId))).Distinct().ToList(), cancellationToken);
        return Page();
    }

    public string Person(string userId) => People.TryGetValue(userId, out var name) ? name : userId;
}
