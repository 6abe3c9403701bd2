using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Coalitions.Data;
using Advocacy.Modules.Coalitions.Meetings;
using Advocacy.Modules.Coalitions.Meetings.AddFollowUp;
using Advocacy.Modules.Coalitions.Meetings.GetMeeting;
using Advocacy.Modules.Coalitions.Meetings.UpdateFollowUp;
using Advocacy.Modules.Coalitions.Meetings.UpdateMeeting;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Coalitions.Areas.Coalitions.Pages.Meetings;

/// <summary>
/// Edit a meeting (the update endpoint), add a follow-up to it or mark one done (the follow-up endpoints):
/// after recording, follow-ups have endpoints of their own.
/// </summary>
[Authorize(Policy = Policies.Write)]
internal sealed class EditModel(
    CoalitionsDbContext db, IUserDirectory users, IValidator<MeetingRequest> validator, IValidator<FollowUpRequest> followUpValidator,
    IStringLocalizer<CoalitionsText> text, TimeProvider clock)
    : MeetingFormPage(db, users, validator, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid MeetingId { get; set; }

    /// <summary>The meeting's follow-ups as stored.</summary>
    public IReadOnlyList<FollowUpResponse> FollowUps { get; private set; } = [];

    [BindProperty]
    public FollowUpRow NewFollowUp { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || await FindAsync(cancellationToken) is not { } meeting)
        {
            return NotFound();
        }
        Input = MeetingForm.From(meeting);
        NewFollowUp = new FollowUpRow { OwnerUserId = User.UserId() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || await FindAsync(cancellationToken) is null)
        {
            return NotFound();
        }
        var (valid, request, _) = await ValidateAsync(withFollowUps: false);
        if (valid && await RunAsync(async () => await UpdateMeetingEndpoint.Handle(Id, MeetingId, request, Db, Users, clock, cancellationToken), Prefix) is not null)
        {
            TempData["Notice"] = Text["Changes saved."].Value;
            return RedirectToPage("/Coalition", new { id = Id });
        }
        NewFollowUp = new FollowUpRow { OwnerUserId = User.UserId() };
        return Page();
    }

    public async Task<IActionResult> OnPostAddFollowUpAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || await FindAsync(cancellationToken) is not { } meeting)
        {
            return NotFound();
        }
        // The meeting's fields were not posted with this form: show them as stored.
        Input = MeetingForm.From(meeting);
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(Prefix, StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        var request = NewFollowUp.ToRequest();
        if (ModelState.IsValid
            && await FormErrors.ValidateAsync(followUpValidator, request, ModelState, nameof(NewFollowUp), labelOf: LabelOf, cancellationToken: cancellationToken)
            && await RunAsync(async () => await AddFollowUpEndpoint.Handle(Id, MeetingId, request, Db, Users, clock, cancellationToken), nameof(NewFollowUp)) is not null)
        {
            TempData["Notice"] = Text["Follow-up added."].Value;
            return RedirectToPage(null, null, new { id = Id, meetingId = MeetingId }, "follow-ups");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostMarkDoneAsync(Guid followUpId, uint version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || await FindAsync(cancellationToken) is not { } meeting)
        {
            return NotFound();
        }
        ModelState.Clear();
        Input = MeetingForm.From(meeting);
        NewFollowUp = new FollowUpRow { OwnerUserId = User.UserId() };
        if (FollowUps.SingleOrDefault(f => f.Id == followUpId) is not { } done)
        {
            return NotFound();
        }
        var request = new FollowUpRequest(done.Action, done.OwnerUserId, done.DueDate, Done: true, Version: version);
        if (await RunAsync(async () => await UpdateFollowUpEndpoint.Handle(Id, MeetingId, followUpId, request, Db, Users, clock, cancellationToken), "") is not null)
        {
            TempData["Notice"] = Text["Follow-up marked done: {0}.", done.Action].Value;
            return RedirectToPage(null, null, new { id = Id, meetingId = MeetingId }, "follow-ups");
        }
        return Page();
    }

    /// <summary>The meeting (its follow-ups kept for the page), or null when there is none of this coalition with that id.</summary>
    private async Task<MeetingResponse?> FindAsync(CancellationToken cancellationToken)
    {
        try
        {
            var meeting = (await GetMeetingEndpoint.Handle(Id, MeetingId, Db, cancellationToken)).Value!;
            Db.ChangeTracker.Clear();
            FollowUps = meeting.FollowUps;
            var owners = await Users.FindAsync(meeting.FollowUps.Select(f => f.OwnerUserId).Distinct().ToList(), cancellationToken);
            OwnerNames = owners;
            return meeting;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    public IReadOnlyDictionary<string, string> OwnerNames { get; private set; } = new Dictionary<string, string>();
}
