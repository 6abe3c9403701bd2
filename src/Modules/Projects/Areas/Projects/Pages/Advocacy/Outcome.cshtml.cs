using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.Modules.Projects.Activities;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Outcomes;
using Advocacy.Modules.Projects.Outcomes.AddCommitment;
using Advocacy.Modules.Projects.Outcomes.AddFollowUp;
using Advocacy.Modules.Projects.Outcomes.ChangeCommitmentStatus;
using Advocacy.Modules.Projects.Outcomes.GetOutcome;
using Advocacy.Modules.Projects.Outcomes.RecordOutcome;
using Advocacy.Modules.Projects.Outcomes.UpdateOutcome;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Projects.Areas.Projects.Pages.Advocacy;

/// <summary>
/// What came of an advocacy activity: whom it addressed and how they answered, the asks raised, then the
/// commitments made there (moved forward with dated evidence) and the follow-ups. Each of the four forms posts to
/// its own handler, which calls the matching endpoint's validator and handler.
/// </summary>
[Authorize(Policy = Policies.Write)]
internal sealed class OutcomeModel(
    ProjectsDbContext db,
    IStringLocalizer<AdvocacyText> text,
    IValidator<OutcomeRequest> outcomeValidator,
    IValidator<CommitmentRequest> commitmentValidator,
    IValidator<FollowUpRequest> followUpValidator,
    IValidator<CommitmentStatusRequest> statusValidator,
    IUserDirectory users,
    TimeProvider clock) : AdvocacyPage(db, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public OutcomeForm Input { get; set; } = new();

    [BindProperty]
    public CommitmentForm Commitment { get; set; } = new();

    [BindProperty]
    public FollowUpForm FollowUp { get; set; } = new();

    [BindProperty]
    public CommitmentMoveForm Move { get; set; } = new();

    public Activity Activity { get; private set; } = null!;

    /// <summary>The recorded outcome, or null before it is first recorded.</summary>
    public OutcomeResponse? Outcome { get; private set; }

    public IReadOnlyList<SelectListItem> Stakeholders { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Asks { get; private set; } = [];

    /// <summary>Who may own a follow-up: every user, the signed-in one first.</summary>
    public IReadOnlyList<SelectListItem> Owners { get; private set; } = [];

    public IReadOnlyDictionary<string, string> OwnerNames { get; private set; } = new Dictionary<string, string>();

    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Outcome is not null)
        {
            Input = new OutcomeForm
            {
                Stakeholders = Outcome.Stakeholders
                    .Select(s => new AddressedRow { StakeholderId = s.Stakeholder.Id, Response = s.Response, Note = s.Note }).ToList(),
                AskIds = Outcome.Asks.Select(a => a.Id).ToList(),
                Version = Outcome.Version,
            };
        }
        Input.Padded();
        return Page();
    }

    public async Task<IActionResult> OnPostAddRowAsync(CancellationToken cancellationToken)
    {
        // Rows renumber; posted values must not override them.
        ModelState.Clear();
        Input.Stakeholders.Add(new AddressedRow());
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var request = Input.ToRequest(out var rowOf);
        string MapKey(string key) => OutcomeForm.FormKey(key, rowOf);
        if (ModelState.IsValid && await ValidateAsync(outcomeValidator, request, nameof(Input), MapKey))
        {
            var result = await RunAsync(async () => Outcome is null
                ? await RecordOutcomeEndpoint.Handle(Id, request, User, Db, users, clock, cancellationToken)
                : await UpdateOutcomeEndpoint.Handle(Id, request, User, Db, users, clock, cancellationToken), nameof(Input), MapKey);
            if (result is not null)
            {
                return Saved(Text["Outcome saved."]);
            }
        }
        return await ShowAsync(cancellationToken, keepInput: true);
    }

    public async Task<IActionResult> OnPostCommitmentAsync(CancellationToken cancellationToken)
    {
        var request = Commitment.ToRequest();
        if (ModelState.IsValid && await ValidateAsync(commitmentValidator, request, nameof(Commitment))
            && await RunAsync(async () => await AddCommitmentEndpoint.Handle(Id, request, User, Db, clock, cancellationToken), nameof(Commitment)) is not null)
        {
            return Saved(Text["Commitment added."]);
        }
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostFollowUpAsync(CancellationToken cancellationToken)
    {
        var request = FollowUp.ToRequest();
        if (ModelState.IsValid && await ValidateAsync(followUpValidator, request, nameof(FollowUp))
            && await RunAsync(async () => await AddFollowUpEndpoint.Handle(Id, request, User, Db, users, clock, cancellationToken), nameof(FollowUp)) is not null)
        {
            return Saved(Text["Follow-up added."]);
        }
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostMoveAsync(CancellationToken cancellationToken)
    {
        var request = Move.ToRequest();
        if (Move.Id is { } commitmentId && ModelState.IsValid && await ValidateAsync(statusValidator, request, nameof(Move))
            && await RunAsync(async () => await ChangeCommitmentStatusEndpoint.Handle(commitmentId, request, User, Db, clock, cancellationToken), nameof(Move)) is not null)
        {
            return Saved(Text["Commitment now: {0}.", Label(request.Status!.Value)]);
        }
        return await ShowAsync(cancellationToken);
    }

    private RedirectToPageResult Saved(string notice)
    {
        TempData["Notice"] = notice;
        return RedirectToPage(new { Id });
    }

    /// <summary>The page again after a failed form: the outcome form keeps what was typed only when it was the one posted.</summary>
    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken, bool keepInput = true)
    {
        var posted = Input;
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        Input = keepInput ? posted : Input;
        if (Outcome is not null && Input.Version is null)
        {
            Input.Version = Outcome.Version;
        }
        Input.Padded();
        return Page();
    }

    /// <summary>The activity, its outcome when recorded, and the form's choices; false when there is no such activity.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Db.ChangeTracker.Clear();
        if (await Db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == Id && a.DeletedAt == null, cancellationToken) is not { } activity)
        {
            return false;
        }
        Activity = activity;
        try
        {
            Outcome = (await GetOutcomeEndpoint.Handle(Id, Db, clock, cancellationToken)).Value;
        }
        catch (NotFoundException)
        {
            Outcome = null;
        }
        Stakeholders = await StakeholderChoicesAsync(cancellationToken);
        Asks = (await Db.Asks.AsNoTracking().Where(a => a.ProjectId == activity.ProjectId).OrderBy(a => a.OpenedOn)
                .Select(a => new { a.Id, a.Text, a.TextTranslations }).ToListAsync(cancellationToken))
            .Select(a => new SelectListItem(BuildingBlocks.Text.Translations.Pick(a.Text, a.TextTranslations), a.Id.ToString()))
            .ToList();
        var me = User.UserId();
        var ownerIds = (Outcome?.FollowUps.Select(f => f.OwnerUserId) ?? []).Append(me).Distinct().ToList();
        OwnerNames = await users.FindAsync(ownerIds, cancellationToken);
        // Anyone may own a follow-up; the signed-in user comes first, chosen unless the form says otherwise.
        var people = await users.ListAsync(cancellationToken);
        Owners = people.Where(u => u.Id != me).Select(u => new SelectListItem(u.Name, u.Id))
            .Prepend(new SelectListItem(Text["Me ({0})", User.UserName()], me))
            .ToList();
        FollowUp.OwnerUserId ??= me;
        return true;
    }

    /// <summary>The statuses a commitment may move to from where it is.</summary>
    public static IEnumerable<CommitmentStatus> NextStatuses(CommitmentStatus from) =>
        Enum.GetValues<CommitmentStatus>().Where(to => Outcomes.Commitment.CanMove(from, to));

    /// <summary>Only advocacy activities have an outcome.</summary>
    public bool IsAdvocacy => AdvocacyActivityTypes.Contains(Activity.Type);

    /// <summary>The addressed stakeholders, for the commitment form's "by whom".</summary>
    public IEnumerable<SelectListItem> Addressed =>
        Outcome?.Stakeholders.Select(s => new SelectListItem(s.Stakeholder.Name, s.Stakeholder.Id.ToString())) ?? [];

    protected override string? LabelOf(string property) => property switch
    {
        "stakeholders" => Text["Stakeholders addressed"].Value,
        "response" => Text["Response"].Value,
        _ => base.LabelOf(property),
    };
}
