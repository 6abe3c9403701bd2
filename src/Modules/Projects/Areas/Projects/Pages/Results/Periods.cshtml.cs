using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Text;
using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.ReportingPeriods;
using Advocacy.Modules.Projects.ReportingPeriods.CreatePeriod;
using Advocacy.Modules.Projects.ReportingPeriods.ListPeriods;
using Advocacy.Modules.Projects.ReportingPeriods.SubmitPeriod;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Projects.Areas.Projects.Pages.Results;

/// <summary>A new reporting period as the form posts it.</summary>
internal sealed class PeriodForm
{
    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }
}

/// <summary>
/// A project's reporting periods with their status; staff create one and submit it for approval (managers
/// approve or return it on the approvals page), through the endpoints' own validators and handlers.
/// </summary>
[Authorize(Policy = Policies.Read)]
internal sealed class PeriodsModel(
    ProjectsDbContext db, IValidator<CreatePeriodRequest> validator, IStringLocalizer<ResultsText> text, TimeProvider clock)
    : ResultsPage(text)
{
    private const string Prefix = nameof(NewPeriod);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public PeriodForm NewPeriod { get; set; } = new();

    public string ProjectName { get; private set; } = "";

    public IReadOnlyList<ReportingPeriodSummary> Periods { get; private set; } = [];

    /// <summary>The comment of each returned period's latest return, for staff to act on.</summary>
    public IReadOnlyDictionary<Guid, string?> ReturnComments { get; private set; } = new Dictionary<Guid, string?>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!await MayAsync(Policies.Write))
        {
            return Forbid();
        }
        var request = new CreatePeriodRequest(NewPeriod.From, NewPeriod.To);
        if (ModelState.IsValid && await FormErrors.ValidateAsync(validator, request, ModelState, Prefix, labelOf: LabelOf, cancellationToken: cancellationToken))
        {
            IResult? result = null;
            if (await TryAsync(async () => result = await CreatePeriodEndpoint.Handle(Id, request, User, db, clock, cancellationToken), db.ChangeTracker.Clear))
            {
                if (FormErrors.Of(result!) is not { } errors)
                {
                    TempData["Notice"] = Text["Reporting period created: {0} to {1}.", Display.Date(request.From!.Value), Display.Date(request.To!.Value)].Value;
                    return RedirectToPage(new { Id });
                }
                FormErrors.Add(ModelState, errors, Prefix);
            }
        }
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid periodId, uint? version, CancellationToken cancellationToken)
    {
        if (!await MayAsync(Policies.Write))
        {
            return Forbid();
        }
        try
        {
            if (await TryAsync(() => SubmitPeriodEndpoint.Handle(Id, periodId, new PeriodStepRequest(null, version), User, db, clock, cancellationToken),
                    db.ChangeTracker.Clear))
            {
                TempData["Notice"] = Text["Reporting period submitted for approval."].Value;
                return RedirectToPage(new { Id });
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        // Only the message stays: the period list is read afresh.
        ModelState.Clear();
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == Id)
            .Select(p => new { p.Code, p.Name, p.NameTranslations }).SingleOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return false;
        }
        ProjectName = $"{project.Code} – {Translations.Pick(project.Name, project.NameTranslations)}";
        if ((await ListPeriodsEndpoint.Handle(Id, db, cancellationToken, pageSize: Paging.MaxPageSize)).Result is Ok<Page<ReportingPeriodSummary>> { Value: { } page })
        {
            Periods = page.Items;
        }
        var returned = Periods.Where(p => p.Status == PeriodStatus.Returned).Select(p => p.Id).ToList();
        ReturnComments = (await db.ReportingPeriods.AsNoTracking()
                .Where(p => returned.Contains(p.Id))
                .SelectMany(p => p.History)
                .Where(e => e.ToStatus == PeriodStatus.Returned)
                .Select(e => new { e.PeriodId, e.At, e.Comment })
                .ToListAsync(cancellationToken))
            .GroupBy(e => e.PeriodId)
            .ToDictionary(g => g.Key, g => g.MaxBy(e => e.At)!.Comment);
        return true;
    }

    private string? LabelOf(string property) => (property switch
    {
        "from" => "First day",
        "to" => "Last day",
        _ => null,
    }) is { } label ? Text[label].Value : null;

    /// <summary>Staff submit a draft or a returned period; the handler refuses one that has not ended yet.</summary>
    public static bool Submittable(ReportingPeriodSummary period) => period.Status is PeriodStatus.Draft or PeriodStatus.Returned;
}
