using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.BuildingBlocks.Reference;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Projects;
using Advocacy.Modules.Projects.ReportingPeriods;
using Advocacy.Modules.Projects.Results.DisaggregationSets;
using Advocacy.Modules.Projects.Results.RecordMeasurement;
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Results.RecordPeriod;

/// <summary>One part of a period's total: a category of one of the indicator's disaggregation sets, and its value.</summary>
internal sealed record PeriodPartInput(Audience? Audience, Gender? Gender, AgeBand? AgeBand, string? Country, decimal? Value, string? Notes = null);

/// <summary>
/// A period of an indicator broken down by disaggregation sets, whole: its total and the parts of each set.
/// Values already recorded for the period and a slice given here are corrected in place (same id); others stay.
/// </summary>
internal sealed record RecordPeriodRequest(DateOnly? PeriodStart, DateOnly? PeriodEnd, decimal? Total, string? Notes, List<PeriodPartInput>? Parts);

/// <summary>A period as recorded: its rows and the sets whose parts do not add up to the total.</summary>
internal sealed record RecordPeriodResponse(
    DateOnly PeriodStart, DateOnly PeriodEnd, decimal Total, List<MeasurementResponse> Measurements, IReadOnlyList<TotalsWarning> Warnings);

internal sealed class RecordPeriodValidator : AbstractValidator<RecordPeriodRequest>
{
    public const int MaxParts = 400;

    public RecordPeriodValidator()
    {
        RuleFor(r => r.PeriodStart).NotNull().InclusiveBetween(ProjectRequestValidator.EarliestDate, ProjectRequestValidator.LatestDate);
        RuleFor(r => r.PeriodEnd).NotNull().InclusiveBetween(ProjectRequestValidator.EarliestDate, ProjectRequestValidator.LatestDate);
        When(r => r.PeriodStart is not null && r.PeriodEnd is not null, () =>
        {
            RuleFor(r => r.PeriodEnd).GreaterThanOrEqualTo(r => r.PeriodStart).WithMessage(_ => ValidationMessages.PeriodEndsBeforeStart);
            RuleFor(r => r.PeriodEnd).Must((r, end) => end < r.PeriodStart!.Value.AddYears(RecordMeasurementValidator.MaxPeriodYears))
                .WithMessage(_ => ValidationMessages.PeriodTooLong.With(RecordMeasurementValidator.MaxPeriodYears));
        });
        RuleFor(r => r.Total).MeasuredValue();
        RuleFor(r => r.Notes).MaximumLength(Measurement.NotesMaxLength);
        RuleFor(r => r.Parts).NotNull().Must(p => p is null || p.Count <= MaxParts).WithMessage(_ => ValidationMessages.AtMostParts.With(MaxParts));
        RuleForEach(r => r.Parts).ChildRules(part =>
        {
            part.RuleFor(p => p.Value).MeasuredValue();
            part.RuleFor(p => p.Audience).IsInEnum();
            part.RuleFor(p => p.Gender).IsInEnum();
            part.RuleFor(p => p.AgeBand).IsInEnum();
            part.RuleFor(p => p.Country).Must(c => Countries.IsKnown(c!.Trim().ToUpperInvariant())).When(p => p.Country is not null)
                .WithMessage(_ => ValidationMessages.CountryCodeBeCoRo);
            part.RuleFor(p => p.Notes).MaximumLength(Measurement.NotesMaxLength);
            part.RuleFor(p => p).Must(p => p.Audience is not null || p.Gender is not null || p.AgeBand is not null || p.Country is not null)
                .WithName("category").WithMessage(_ => ValidationMessages.PartNamesCategory);
        });
        RuleFor(r => r.Parts)
            .Must(parts => parts!.Select(p => (p?.Audience, p?.Gender, p?.AgeBand, Country: p?.Country?.Trim().ToUpperInvariant())).Distinct().Count() == parts!.Count)
            .WithMessage(_ => ValidationMessages.CategoryOnce)
            .When(r => r.Parts is not null);
    }
}

internal sealed class RecordPeriodEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ResultsApi.Group(app)
            .MapPost("indicators/{indicatorId:guid}/measurements/period", Handle)
            .WithName("RecordPeriod")
            .RequireAuthorization(Policies.Write)
            .WithValidation<RecordPeriodRequest>()
            .WithSummary("Records or corrects a period's total and its parts by disaggregation set together; publishes the total. "
                + "Warns when a set's parts do not add up to the total, or refuses (400, nothing written) when the indicator requires totals.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<RecordPeriodResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid projectId,
        Guid indicatorId,
        RecordPeriodRequest request,
        ClaimsPrincipal user,
        ProjectsDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"SELECT 1 FROM projects.indicators WHERE id = {indicatorId} AND project_id = {projectId} FOR UPDATE", cancellationToken);
        var indicator = await ResultsApi.FindIndicatorAsync(db, projectId, indicatorId, cancellationToken);
        if (indicator.Rule is not null)
        {
            return ResultsApi.RuleRefusal(indicator);
        }
        if (!indicator.IsBrokenDownBySets)
        {
            return TypedResults.Problem(
                title: "Not broken down by disaggregation sets",
                detail: $"Indicator {indicator.Code} has no disaggregation sets, so its slices add up to a period's value instead of breaking "
                    + $"a total down: record them one by one (POST /api/projects/{projectId}/indicators/{indicator.Id}/measurements).",
                statusCode: StatusCodes.Status400BadRequest);
        }
        var (start, end) = (request.PeriodStart!.Value, request.PeriodEnd!.Value);
        // A measurement belongs to the reporting period its own period ends in.
        await db.EnsureUnlockedAsync(projectId, [end], cancellationToken);
        var sets = await Breakdowns.SetsOfAsync(db, indicator, cancellationToken);
        var now = clock.GetUtcNow();
        var recorder = user.UserId();
        var rows = await db.Measurements.Where(m => m.IndicatorId == indicator.Id && m.PeriodStart == start && m.PeriodEnd == end)
            .ToListAsync(cancellationToken);

        Measurement Put(Audience? audience, Gender? gender, AgeBand? ageBand, string? country, decimal value, string? notes)
        {
            var row = rows.SingleOrDefault(m => m.Audience == audience && m.Gender == gender && m.AgeBand == ageBand && m.Country == country);
            if (row is null)
            {
                row = new Measurement
                {
                    Id = Guid.CreateVersion7(), ProjectId = projectId, IndicatorId = indicator.Id, PeriodStart = start, PeriodEnd = end,
                    Audience = audience, Gender = gender, AgeBand = ageBand, Country = country, RecordedBy = recorder,
                };
                rows.Add(row);
                db.Measurements.Add(row);
            }
            (row.Value, row.Notes, row.RecordedBy, row.RecordedAt) = (value, ResultsApi.NormalizeText(notes), recorder, now);
            return row;
        }

        var total = Put(null, null, null, null, request.Total!.Value, request.Notes);
        var written = new List<Measurement> { total };
        var errors = new Dictionary<string, string[]>();
        foreach (var (part, index) in request.Parts!.Select((p, i) => (p, i)))
        {
            var row = Put(part.Audience, part.Gender, part.AgeBand, part.Country?.Trim().ToUpperInvariant(), part.Value!.Value, part.Notes);
            written.Add(row);
            foreach (var (field, messages) in Breakdowns.SliceErrors(sets, row, $"parts[{index}].") ?? [])
            {
                errors[field] = messages;
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var warnings = Breakdowns.Check(sets, rows);
        if (warnings.Count > 0 && indicator.RequireTotals)
        {
            return Breakdowns.Refusal(indicator, warnings);
        }
        // Only the total is the period's value; the parts stay in Projects (ADR 0012).
        db.AddIntegrationEvent(total.ToEvent(indicator, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Ok(new RecordPeriodResponse(start, end, total.Value,
            written.Select(m => MeasurementResponse.From(m)).ToList(), warnings));
    }
}
