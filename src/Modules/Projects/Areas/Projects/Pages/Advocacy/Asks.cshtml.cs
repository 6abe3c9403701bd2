using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Asks;
using Advocacy.Modules.Projects.Asks.ChangeAskStatus;
using Advocacy.Modules.Projects.Asks.CreateAsk;
using Advocacy.Modules.Projects.Asks.GetAsk;
using Advocacy.Modules.Projects.Asks.ListProjectAsks;
using Advocacy.Modules.Projects.Asks.UpdateAsk;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Projects.Areas.Projects.Pages.Advocacy;

/// <summary>
/// A project's asks: listed newest opened first (the list endpoint's query, filtered by status), each with its dated
/// status history and a form to change its status; one form creates an ask or, with <c>?edit=</c>, edits one with
/// the version read. Every write goes through the Asks endpoints' validators and handlers.
/// </summary>
[Authorize(Policy = Policies.Write)]
internal sealed class AsksModel(
    ProjectsDbContext db,
    IStringLocalizer<AdvocacyText> text,
    IValidator<AskRequest> askValidator,
    IValidator<AskStatusRequest> statusValidator,
    TimeProvider clock) : AdvocacyPage(db, text)
{
    public const int PageSize = 50;

    /// <summary>The project.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public AskStatus? Status { get; set; }

    /// <summary>The page of the list shown: from the address on a GET, the first after a POST.</summary>
    public int PageNumber { get; private set; } = 1;

    /// <summary>The ask being edited, or null to write a new one.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Edit { get; set; }

    [BindProperty]
    public AskForm Input { get; set; } = new();

    [BindProperty]
    public AskStatusForm Change { get; set; } = new();

    public string ProjectName { get; private set; } = "";

    public Page<AskResponse> Found { get; private set; } = new([], 1, PageSize, 0);

    public int PageCount => Math.Max(1, (Found.TotalCount + PageSize - 1) / PageSize);

    public IReadOnlyList<SelectListItem> Stakeholders { get; private set; } = [];

    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken, [FromQuery(Name = "page")] int page = 1)
    {
        PageNumber = Math.Clamp(page, 1, 1_000_000);
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Edit is { } askId)
        {
            try
            {
                var ask = (await GetAskEndpoint.Handle(askId, Db, cancellationToken)).Value!;
                if (ask.ProjectId != Id)
                {
                    return NotFound();
                }
                Input = AskForm.From(ask);
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        Input.OpenedOn ??= Today;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (Edit is { } editId && !await IsOursAsync(editId, cancellationToken))
        {
            return NotFound();
        }
        var request = Input.ToRequest();
        if (ModelState.IsValid && await ValidateAsync(askValidator, request, nameof(Input), AskForm.FormKey))
        {
            try
            {
                var result = await RunAsync(async () => Edit is { } askId
                    ? await UpdateAskEndpoint.Handle(askId, request, Db, clock, cancellationToken)
                    : await CreateAskEndpoint.Handle(Id, request, User, Db, clock, cancellationToken), nameof(Input), AskForm.FormKey);
                if (result is not null)
                {
                    return Saved(Text["Ask saved."]);
                }
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostStatusAsync(CancellationToken cancellationToken)
    {
        var request = Change.ToRequest();
        if (Change.AskId is not { } askId || !await IsOursAsync(askId, cancellationToken))
        {
            return NotFound();
        }
        if (ModelState.IsValid && await ValidateAsync(statusValidator, request, nameof(Change))
            && await RunAsync(async () => await ChangeAskStatusEndpoint.Handle(askId, request, User, Db, clock, cancellationToken), nameof(Change)) is not null)
        {
            return Saved(Text["Ask now: {0}.", Label(request.Status!.Value)]);
        }
        // The ask form stays empty: it was not the one posted.
        Edit = null;
        Input = new AskForm { OpenedOn = Today };
        return await ShowAsync(cancellationToken);
    }

    private RedirectToPageResult Saved(string notice)
    {
        TempData["Notice"] = notice;
        return RedirectToPage(new { Id, Status });
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>Whether the ask exists and belongs to this page's project: an ask id of another project is not found here.</summary>
    private Task<bool> IsOursAsync(Guid askId, CancellationToken cancellationToken) =>
        Db.Asks.AnyAsync(a => a.Id == askId && a.ProjectId == Id, cancellationToken);

    /// <summary>The project's name, its asks (filtered) and the stakeholders to choose from; false when there is no such project.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Db.ChangeTracker.Clear();
        if (await Db.Projects.AsNoTracking().Where(p => p.Id == Id).Select(p => new { p.Code, p.Name, p.NameTranslations })
                .SingleOrDefaultAsync(cancellationToken) is not { } project)
        {
            return false;
        }
        ProjectName = $"{project.Code} – {Translations.Pick(project.Name, project.NameTranslations)}";
        if ((await ListProjectAsksEndpoint.Handle(Id, Db, cancellationToken, status: Status?.ToString(), page: PageNumber, pageSize: PageSize)).Result
            is Ok<Page<AskResponse>> { Value: { } found })
        {
            Found = found;
        }
        Stakeholders = await StakeholderChoicesAsync(cancellationToken);
        return true;
    }

    /// <summary>The statuses an ask may move to: any other than its own.</summary>
    public static IEnumerable<AskStatus> OtherStatuses(AskStatus current) => Enum.GetValues<AskStatus>().Where(s => s != current);

    protected override string? LabelOf(string property) => property switch
    {
        "targetStakeholderIds" => Text["Targets"].Value,
        "openedOn" => Text["Opened on"].Value,
        "source" => Text["Source"].Value,
        "sourceTitle" => Text["Source title"].Value,
        "textTranslations" => Text["Text in French"].Value,
        _ => base.LabelOf(property),
    };
}

/// <summary>An ask as the browser posts it: its text in the default language and in French and Dutch, targets, day, source.</summary>
internal sealed class AskForm
{
    public string? Text { get; set; }

    public string? TextFr { get; set; }

    public string? TextNl { get; set; }

    /// <summary>An English version given through the API, kept as it is (the form writes the default text in English).</summary>
    public string? TextEn { get; set; }

    public List<Guid> TargetStakeholderIds { get; set; } = [];

    public DateOnly? OpenedOn { get; set; }

    public AskSource? Source { get; set; }

    public string? SourceTitle { get; set; }

    /// <summary>The recommendation's or statement's id in its module, kept as given through the API.</summary>
    public Guid? SourceId { get; set; }

    public uint? Version { get; set; }

    public AskRequest ToRequest() => new(
        Text ?? "", TargetStakeholderIds.Distinct().ToList(), OpenedOn, Source ?? AskSource.Own,
        Source is null or AskSource.Own ? null : SourceId, BuildingBlocks.Input.Blank(SourceTitle),
        new Dictionary<string, string> { ["en"] = TextEn ?? "", ["fr"] = TextFr ?? "", ["nl"] = TextNl ?? "" }, Version);

    /// <summary>The form of a stored ask: its default text as stored, not the reader's language's.</summary>
    public static AskForm From(AskResponse a) => new()
    {
        Text = a.DefaultText,
        TextEn = a.TextTranslations.GetValueOrDefault("en"),
        TextFr = a.TextTranslations.GetValueOrDefault("fr"),
        TextNl = a.TextTranslations.GetValueOrDefault("nl"),
        TargetStakeholderIds = a.Targets.Select(t => t.Id).ToList(),
        OpenedOn = a.OpenedOn, Source = a.Source, SourceTitle = a.SourceTitle, SourceId = a.SourceId, Version = a.Version,
    };

    /// <summary>The request's error keys on the form's fields: the translations' problem goes on the French text.</summary>
    public static string FormKey(string key) => key == "textTranslations" ? nameof(TextFr) : key;
}

/// <summary>A change of one ask's status: to which status, on which day, with what note.</summary>
internal sealed class AskStatusForm
{
    public Guid? AskId { get; set; }

    public AskStatus? Status { get; set; }

    public DateOnly? ChangedOn { get; set; }

    public string? Note { get; set; }

    public uint? Version { get; set; }

    public AskStatusRequest ToRequest() => new(Status, ChangedOn, BuildingBlocks.Input.Blank(Note), Version);
}
