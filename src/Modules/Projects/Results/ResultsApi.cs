using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Projects;
using Advocacy.Modules.Projects.Results.DisaggregationSets;
using Advocacy.Modules.Projects.Results.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Results;

internal static class ResultsApi
{
    /// <summary>The route group of a project's results framework, tagged for the OpenAPI document.</summary>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/projects/{projectId:guid}").WithTags("Results framework");

    /// <summary>Objective and indicator codes as stored: trimmed, upper case ("o1" and "O1" are one code).</summary>
    public static string NormalizeCode(string code) => code.Trim().ToUpperInvariant();

    /// <summary>Optional text as stored: null when blank, else trimmed.</summary>
    public static string? NormalizeText(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// The indicator of the project, tracked; 404 for an unknown project, and for an indicator that is
    /// unknown or belongs to another project.
    /// </summary>
    public static async Task<Indicator> FindIndicatorAsync(
        ProjectsDbContext db, Guid projectId, Guid indicatorId, CancellationToken cancellationToken)
    {
        await db.EnsureProjectExistsAsync(projectId, cancellationToken);
        return await db.Indicators.SingleOrDefaultAsync(i => i.Id == indicatorId && i.ProjectId == projectId, cancellationToken)
            ?? throw new NotFoundException("Indicator", indicatorId);
    }

    /// <summary>The 400 answer to a typed value for an indicator that counts itself.</summary>
    public static ProblemHttpResult RuleRefusal(Indicator indicator) =>
        TypedResults.Problem(
            title: "This indicator counts itself",
            detail: $"Indicator {indicator.Code} is computed by its rule ({indicator.Rule!.Kind}) from the project's activity log; "
                + "typed values cannot be recorded on it. Log the activities it counts, or define a typed indicator.",
            statusCode: StatusCodes.Status400BadRequest);
}

/// <summary>An objective as the API returns it.</summary>
internal sealed record ObjectiveResponse(
    Guid Id, Guid ProjectId, string Code, string Title, string? Description, DateTimeOffset CreatedAt, uint Version)
{
    public static ObjectiveResponse From(Objective o) => new(o.Id, o.ProjectId, o.Code, o.Title, o.Description, o.CreatedAt, o.Version);
}

/// <summary>
/// An indicator's definition as the API returns it. <see cref="Name"/> is in the language Accept-Language asks for
/// when there is that version, else <see cref="DefaultName"/>.
/// </summary>
internal sealed record IndicatorResponse(
    Guid Id,
    Guid ProjectId,
    Guid ObjectiveId,
    string Code,
    string Name,
    string Unit,
    IndicatorDirection Direction,
    IndicatorAggregation Aggregation,
    decimal Baseline,
    decimal Target,
    ReportingFrequency Frequency,
    DateTimeOffset CreatedAt,
    uint Version,
    IndicatorRuleResponse? Rule,
    List<Guid> DisaggregationSetIds,
    bool RequireTotals,
    string DefaultName,
    Dictionary<string, string> NameTranslations)
{
    public static IndicatorResponse From(Indicator i) => new(
        i.Id, i.ProjectId, i.ObjectiveId, i.Code, Translations.Pick(i.Name, i.NameTranslations), i.Unit, i.Direction, i.Aggregation, i.Baseline, i.Target,
        i.Frequency, i.CreatedAt, i.Version, IndicatorRuleResponse.From(i.Rule), i.DisaggregationSetIds.ToList(), i.RequireTotals,
        i.Name, Translations.ToMap(i.NameTranslations));
}

/// <summary>
/// One measured value: a period and, when disaggregated, the slice it counts. <see cref="Computed"/> values come
/// from the indicator's rule (their activities: <c>…/measurements/{id}/sources</c>); <see cref="Warnings"/> name
/// the disaggregation sets whose parts do not add up to the period's total after a write.
/// </summary>
internal sealed record MeasurementResponse(
    Guid Id,
    Guid IndicatorId,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    decimal Value,
    Audience? Audience,
    Gender? Gender,
    AgeBand? AgeBand,
    string? Country,
    string? Notes,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    uint Version,
    bool Computed,
    int SourceCount,
    IReadOnlyList<TotalsWarning> Warnings)
{
    public static MeasurementResponse From(Measurement m, IReadOnlyList<TotalsWarning>? warnings = null) => new(
        m.Id, m.IndicatorId, m.PeriodStart, m.PeriodEnd, m.Value, m.Audience, m.Gender, m.AgeBand, m.Country, m.Notes,
        m.RecordedBy, m.RecordedAt, m.Version, m.Computed, m.SourceActivityIds.Count, warnings ?? []);
}
