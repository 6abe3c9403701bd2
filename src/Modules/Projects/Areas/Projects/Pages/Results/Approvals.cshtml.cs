using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Text;
using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.ReportingPeriods;
using Advocacy.Modules.Projects.ReportingPeriods.ApprovePeriod;
using Advocacy.Modules.Projects.ReportingPeriods.ListReportingPeriods;
using Advocacy.Modules.Projects.ReportingPeriods.ReturnPeriod;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Projects.Areas.Projects.Pages.Results;

/// <summary>
/// What awaits a manager's approval (the list endpoint's <c>status=submitted</c> query), oldest first; each
/// period is approved, or returned with a comment saying what to correct.
/// </summary>
[Authorize(Policy = Policies.Manage)]
internal sealed class ApprovalsModel(
    ProjectsDbContext db, IValidator<PeriodStepRequest> stepValidator, IValidator<ReturnPeriodRequest> returnValidator,
    IStringLocalizer<ResultsText> text, TimeProvider clock)
    : ResultsPage(text)
{
    public IReadOnlyList<ReportingPeriodSummary> Periods { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> ProjectNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The period whose comment was refused, with the reason and the comment typed, shown on its row.</summary>
    public (Guid PeriodId, string Message, string? Comment)? CommentError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(Guid projectId, Guid periodId, uint? version, string? comment, CancellationToken cancellationToken) =>
        StepAsync(periodId, comment, stepValidator, new PeriodStepRequest(comment, version),
            request => ApprovePeriodEndpoint.Handle(projectId, periodId, request, User, db, clock, cancellationToken),
            "Reporting period approved: {0}, {1} to {2}.", cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(Guid projectId, Guid periodId, uint? version, string? comment, CancellationToken cancellationToken) =>
        StepAsync(periodId, comment, returnValidator, new ReturnPeriodRequest(comment, version),
            request => ReturnPeriodEndpoint.Handle(projectId, periodId, request, User, db, clock, cancellationToken),
            "Reporting period returned to staff: {0}, {1} to {2}.", cancellationToken);

    /// <summary>Validates the step's request with the endpoint's validator, runs its handler, and says what happened.</summary>
    private async Task<IActionResult> StepAsync<TRequest>(
        Guid periodId, string? comment, IValidator<TRequest> validator, TRequest request,
        Func<TRequest, Task<Ok<ReportingPeriodResponse>>> handle, string notice, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            CommentError = (periodId, validation.Errors[0].ErrorMessage, comment);
        }
        else
        {
            ReportingPeriodResponse? done = null;
            try
            {
                if (await TryAsync(async () => done = (await handle(request)).Value, db.ChangeTracker.Clear))
                {
                    TempData["Notice"] = Text[notice, done!.ProjectCode, Display.Date(done.From), Display.Date(done.To)].Value;
                    return RedirectToPage();
                }
            }
            catch (NotFoundException)
            {
                Problem = Text["That reporting period no longer exists."];
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if ((await ListReportingPeriodsEndpoint.Handle(db, cancellationToken, status: "submitted", pageSize: Paging.MaxPageSize)).Result
            is Ok<Page<ReportingPeriodSummary>> { Value: { } page })
        {
            Periods = page.Items;
        }
        var projectIds = Periods.Select(p => p.ProjectId).Distinct().ToList();
        ProjectNames = (await db.Projects.AsNoTracking()
                .Where(p => projectIds.Contains(p.Id))
                .Select(p => new { p.Id, p.Code, p.Name, p.NameTranslations })
                .ToListAsync(cancellationToken))
            .ToDictionary(p => p.Id, p => $"{p.Code} – {Translations.Pick(p.Name, p.NameTranslations)}");
    }
}
