using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Results.GetResultsFramework;
using Advocacy.Modules.Projects.Results.RecordMeasurement;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Projects.Areas.Projects.Pages.Results;

/// <summary>A measurement as the form posts it; the endpoint's validator decides what is valid.</summary>
internal sealed class MeasurementForm
{
    public Guid? IndicatorId { get; set; }

    public DateOnly? PeriodStart { get; set; }

    public DateOnly? PeriodEnd { get; set; }

    public decimal? Value { get; set; }

    public Audience? Audience { get; set; }

    public Gender? Gender { get; set; }

    public RecordMeasurementRequest ToRequest() => new(PeriodStart, PeriodEnd, Value, Audience, Gender, null, null, null);
}

/// <summary>
/// A project's results framework (objectives, indicators, baseline, target, actual, progress) and a form to
/// record a value of a typed indicator, through the endpoints' own query, validator and handler.
/// </summary>
[Authorize(Policy = Policies.Read)]
internal sealed class FrameworkModel(
    ProjectsDbContext db, IValidator<RecordMeasurementRequest> validator, IStringLocalizer<ResultsText> text, TimeProvider clock)
    : ResultsPage(text)
{
    private const string Prefix = nameof(Measure);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public MeasurementForm Measure { get; set; } = new();

    public string ProjectName { get; private set; } = "";

    public ResultsFrameworkResponse Framework { get; private set; } = new(Guid.Empty, []);

    /// <summary>Indicators a value can be typed for: those without a rule (a rule counts the activity log itself).</summary>
    public IReadOnlyList<SelectListItem> TypedIndicators { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken cancellationToken)
    {
        // Razor Pages ignore [Authorize] on a handler: the page admits readers, recording needs Write.
        if (!await MayAsync(Policies.Write))
        {
            return Forbid();
        }
        if (Measure.IndicatorId is null)
        {
            ModelState.AddModelError($"{Prefix}.{nameof(MeasurementForm.IndicatorId)}", Text["Choose an indicator."]);
        }
        var request = Measure.ToRequest();
        var valid = ModelState.IsValid
            && await FormErrors.ValidateAsync(validator, request, ModelState, Prefix, labelOf: LabelOf, cancellationToken: cancellationToken);
        if (valid && await RecordAsync(request, cancellationToken))
        {
            TempData["Notice"] = Text["Value recorded."].Value;
            return RedirectToPage(new { Id });
        }
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> RecordAsync(RecordMeasurementRequest request, CancellationToken cancellationToken)
    {
        IResult? result = null;
        try
        {
            if (!await TryAsync(async () => result = await RecordMeasurementEndpoint.Handle(
                    Id, Measure.IndicatorId!.Value, request, User, db, clock, cancellationToken)))
            {
                db.ChangeTracker.Clear();
                return false;
            }
        }
        catch (NotFoundException)
        {
            ModelState.AddModelError($"{Prefix}.{nameof(MeasurementForm.IndicatorId)}", Text["Choose an indicator."]);
            return false;
        }
        if (FormErrors.Of(result!) is { } errors)
        {
            FormErrors.Add(ModelState, errors, Prefix);
            return false;
        }
        if (Unwrap(result!) is ProblemHttpResult problem)
        {
            // E.g. an indicator that counts itself from the activity log: typed values are refused.
            Problem = $"{problem.ProblemDetails.Title}: {problem.ProblemDetails.Detail}";
            return false;
        }
        return true;
    }

    private static IResult Unwrap(IResult result) => result is INestedHttpResult nested ? Unwrap(nested.Result) : result;

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == Id)
            .Select(p => new { p.Code, p.Name, p.NameTranslations }).SingleOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return false;
        }
        ProjectName = $"{project.Code} – {BuildingBlocks.Text.Translations.Pick(project.Name, project.NameTranslations)}";
        Framework = (await GetResultsFrameworkEndpoint.Handle(Id, db, cancellationToken)).Value!;
        TypedIndicators = Framework.Objectives.SelectMany(o => o.Indicators)
            .Where(i => i.Rule is null)
            .Select(i => new SelectListItem($"{i.Code} – {i.Name}", i.Id.ToString()))
            .ToList();
        return true;
    }

    private string? LabelOf(string property) => (property switch
    {
        "periodStart" => "First day",
        "periodEnd" => "Last day",
        "value" => "Value",
        "audience" => "Audience",
        "gender" => "Gender",
        _ => null,
    }) is { } label ? Text[label].Value : null;

    /// <summary>Progress as a whole percentage for the bar, clamped to 0–100 (the figure beside it shows beyond 100).</summary>
    public static int Percent(decimal? progress) => progress is { } p ? (int)Math.Clamp(Math.Round(p * 100), 0, 100) : 0;
}
