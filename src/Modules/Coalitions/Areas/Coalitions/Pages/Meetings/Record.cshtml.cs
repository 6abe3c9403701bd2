using Advocacy.BuildingBlocks;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.Modules.Coalitions.Data;
using Advocacy.Modules.Coalitions.Meetings;
using Advocacy.Modules.Coalitions.Meetings.RecordMeeting;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Coalitions.Areas.Coalitions.Pages.Meetings;

/// <summary>Record a coalition meeting with its follow-ups (rows added by a round trip): the record endpoint's validator and handler.</summary>
[Authorize(Policy = Policies.Write)]
internal sealed class RecordModel(
    CoalitionsDbContext db, IUserDirectory users, IValidator<MeetingRequest> validator, IStringLocalizer<CoalitionsText> text, TimeProvider clock)
    : MeetingFormPage(db, users, validator, text)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Input = new MeetingForm { Date = clock.Today(), AttendeeUserIds = [User.UserId()] };
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var (valid, request, rowOf) = await ValidateAsync(withFollowUps: true);
        if (valid && await RunAsync(async () => await RecordMeetingEndpoint.Handle(Id, request, User, Db, Users, clock, cancellationToken),
                Prefix, key => MeetingForm.FormKey(key, rowOf)) is not null)
        {
            TempData["Notice"] = Text["Meeting of {0} recorded.", BuildingBlocks.Web.Display.Date(request.Date!.Value)].Value;
            return RedirectToPage("/Coalition", new { id = Id });
        }
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAddFollowUpAsync(CancellationToken cancellationToken)
    {
        // Rows renumber; posted values must not override them.
        ModelState.Clear();
        if (Input.FollowUps.Count < MeetingForm.MaxFollowUpRows)
        {
            Input.FollowUps.Add(new FollowUpRow { OwnerUserId = User.UserId() });
        }
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveFollowUpAsync(int row, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (row >= 0 && row < Input.FollowUps.Count)
        {
            Input.FollowUps.RemoveAt(row);
        }
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        Pad();
        return Page();
    }

    /// <summary>Keeps one empty follow-up row to type in, owned by the reader until they choose another.</summary>
    private void Pad()
    {
        if (Input.FollowUps.Count < MeetingForm.MaxFollowUpRows && !Input.FollowUps.Any(f => f.IsBlank))
        {
            Input.FollowUps.Add(new FollowUpRow { OwnerUserId = User.UserId() });
        }
    }
}
