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
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Results.RecordMeasurement;

/// <summary>
/// A value of the indicator for a period: for everyone (no slice field set), or for one slice
/// (any of audience, gender, age band and country).
/// </summary>
internal sealed record RecordMeasurementRequest(
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    decimal? Value,
    Audience? Audience,
    Gender? Gender,
    AgeBand? AgeBand,
    string? Country,
    string? Notes);

internal sealed class RecordMeasurementValidator : AbstractValidator<RecordMeasurementRequest>
{
    /// <summary>The longest period one value may cover.</summary>
    public const int MaxPeriodYears = 5;

    public RecordMeasurementValidator()
    {
        RuleFor(r => r.PeriodStart).NotNull()
            .InclusiveBetween(ProjectRequestValidator.EarliestDate, ProjectRequestValidator.LatestDate);
        RuleFor(r => r.PeriodEnd).NotNull()
            .InclusiveBetween(ProjectRequestValidator.EarliestDate, ProjectRequestValidator.LatestDate);
        When(r => r.PeriodStart is not null && r.PeriodEnd is not null, () =>
        {
            RuleFor(r => r.PeriodEnd).GreaterThanOrEqualTo(r => r.PeriodStart)
                .WithMessage(_ => ValidationMessages.PeriodEndsBeforeStart);
            RuleFor(r => r.PeriodEnd).Must((r, end) => end < r.PeriodStart!.Value.AddYears(MaxPeriodYears))
                .WithMessage(_ => ValidationMessages.PeriodTooLong.With(MaxPeriodYears));
        });
        RuleFor(r => r.Value).MeasuredValue();
        RuleFor(r => r.Audience).IsInEnum();
        RuleFor(r => r.Gender).IsInEnum();
        RuleFor(r => r.AgeBand).IsInEnum();
        RuleFor(r => r.Country).Must(c => Countries.IsKnown(c!.Trim().ToUpperInvariant())).When(r => r.Country is not null)
            .WithMessage(_ => ValidationMessages.CountryCodeBeCoRo);
        RuleFor(r => r.Notes).MaximumLength(Measurement.NotesMaxLength);
    }
}

internal sealed class RecordMeasurementEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ResultsApi.Group(app)
            .MapPost("indicators/{indicatorId:guid}/measurements", Handle)
            .WithName("RecordMeasurement")
            .RequireAuthorization(Policies.Write)
            .WithValidation<RecordMeasurementRequest>()
            .WithSummary("Records a value of the indicator for a period and slice; publishes IndicatorMeasured. "
                + "Refused (400) on an indicator that counts itself; warns, or refuses with requireTotals, when a disaggregation set's parts do not add up.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Created<MeasurementResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid projectId,
        Guid indicatorId,
        RecordMeasurementRequest request,
        ClaimsPrincipal user,
        ProjectsDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        // The slice rules read the period's other rows: lock the indicator so two writers cannot both pass them.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"SELECT 1 FROM projects.indicators WHERE id = {indicatorId} AND project_id = {projectId} FOR UPDATE", cancellationToken);
        var indicator = await ResultsApi.FindIndicatorAsync(db, projectId, indicatorId, cancellationToken);
        if (indicator.Rule is not null)
        {
            return ResultsApi.RuleRefusal(indicator);
        }
        // A measurement belongs to the reporting period its own period ends in.
        await db.EnsureUnlockedAsync(projectId, [request.PeriodEnd!.Value], cancellationToken);

        var now = clock.GetUtcNow();
        var measurement = new Measurement
        {
            Id = Guid.CreateVersion7(),
            ProjectId = projectId,
            IndicatorId = indicator.Id,
            PeriodStart = request.PeriodStart!.Value,
            PeriodEnd = request.PeriodEnd!.Value,
            Value = request.Value!.Value,
            Audience = request.Audience,
            Gender = request.Gender,
            AgeBand = request.AgeBand,
            Country = request.Country?.Trim().ToUpperInvariant(),
            Notes = ResultsApi.NormalizeText(request.Notes),
            RecordedBy = user.UserId(),
            RecordedAt = now,
        };
        List<TotalsWarning> warnings = [];
        if (indicator.IsBrokenDownBySets)
        {
            var sets = await Breakdowns.SetsOfAsync(db, indicator, cancellationToken);
            if (Breakdowns.SliceErrors(sets, measurement) is { } errors)
            {
                return TypedResults.ValidationProblem(errors);
            }
            await PeriodSlices.EnsureFitsAsync(db, indicator, measurement, cancellationToken);
            var period = await Breakdowns.PeriodRowsAsync(db, indicator.Id, measurement.PeriodStart, measurement.PeriodEnd, [measurement], cancellationToken);
            Breakdowns.EnsureTotalFirst(indicator, period);
            warnings = Breakdowns.Check(sets, period);
            if (warnings.Count > 0 && indicator.RequireTotals)
            {
                return Breakdowns.Refusal(indicator, warnings);
            }
        }
        else
        {
            await PeriodSlices.EnsureFitsAsync(db, indicator, measurement, cancellationToken);
        }

        db.Measurements.Add(measurement);
        if (Breakdowns.CountsInPeriodValue(indicator, measurement))
        {
            db.AddIntegrationEvent(measurement.ToEvent(indicator, now));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Created(
            $"/api/projects/{projectId}/indicators/{indicator.Id}/measurements/{measurement.Id}", MeasurementResponse.From(measurement, warnings));
    }
}
