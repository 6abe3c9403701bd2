using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.ReportingPeriods;
using Advocacy.Modules.Projects.Results.DisaggregationSets;
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Results.CorrectMeasurement;

/// <summary>
/// The corrected value and notes of a measurement, with the <see cref="Version"/> the editor read.
/// Its period and slice stay: a value for another period or slice is another measurement.
/// </summary>
internal sealed record CorrectMeasurementRequest(decimal? Value, string? Notes, uint? Version);

internal sealed class CorrectMeasurementValidator : AbstractValidator<CorrectMeasurementRequest>
{
    public CorrectMeasurementValidator()
    {
        RuleFor(r => r.Value).MeasuredValue();
        RuleFor(r => r.Notes).MaximumLength(Measurement.NotesMaxLength);
        RuleFor(r => r.Version).NotNull().WithMessage(_ => SharedMessages.VersionMissing);
    }
}

internal sealed class CorrectMeasurementEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ResultsApi.Group(app)
            .MapPut("indicators/{indicatorId:guid}/measurements/{measurementId:guid}", Handle)
            .WithName("CorrectMeasurement")
            .RequireAuthorization(Policies.Write)
            .WithValidation<CorrectMeasurementRequest>()
            .WithSummary("Corrects a measured value; publishes IndicatorMeasured again with the same measurement id. "
                + "A computed value (of an indicator that counts itself) cannot be corrected: 409.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<MeasurementResponse>, ProblemHttpResult>> Handle(
        Guid projectId,
        Guid indicatorId,
        Guid measurementId,
        CorrectMeasurementRequest request,
        ClaimsPrincipal user,
        ProjectsDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        // The parts-add-up check reads the period's other rows: lock the indicator as recording does.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"SELECT 1 FROM projects.indicators WHERE id = {indicatorId} AND project_id = {projectId} FOR UPDATE", cancellationToken);
        var indicator = await ResultsApi.FindIndicatorAsync(db, projectId, indicatorId, cancellationToken);
        var measurement = await db.Measurements.SingleOrDefaultAsync(m => m.Id == measurementId && m.IndicatorId == indicator.Id, cancellationToken)
            ?? throw new NotFoundException("Measurement", measurementId);
        if (measurement.Computed)
        {
            throw new ConflictException(
                $"This value of indicator {indicator.Code} is computed by its rule from the activity log and follows it: "
                + "correct the activities it counts instead (GET "
                + $"/api/projects/{projectId}/indicators/{indicator.Id}/measurements/{measurement.Id}/sources lists them).");
        }
        // A measurement belongs to the reporting period its own period ends in.
        await db.EnsureUnlockedAsync(projectId, [measurement.PeriodEnd], cancellationToken);

        // The version the editor read: if the row has moved on since, SaveChanges throws and the answer is 409.
        db.Entry(measurement).Property(m => m.Version).OriginalValue = request.Version!.Value;
        var now = clock.GetUtcNow();
        measurement.Value = request.Value!.Value;
        measurement.Notes = ResultsApi.NormalizeText(request.Notes);
        measurement.RecordedBy = user.UserId();
        measurement.RecordedAt = now;
        List<TotalsWarning> warnings = [];
        if (indicator.IsBrokenDownBySets)
        {
            var sets = await Breakdowns.SetsOfAsync(db, indicator, cancellationToken);
            warnings = Breakdowns.Check(sets,
                await Breakdowns.PeriodRowsAsync(db, indicator.Id, measurement.PeriodStart, measurement.PeriodEnd, [measurement], cancellationToken));
            if (warnings.Count > 0 && indicator.RequireTotals)
            {
                return Breakdowns.Refusal(indicator, warnings);
            }
        }
        // Same measurement id: consumers replace the value they had.
        if (Breakdowns.CountsInPeriodValue(indicator, measurement))
        {
            db.AddIntegrationEvent(measurement.ToEvent(indicator, now));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Ok(MeasurementResponse.From(measurement, warnings));
    }
}
