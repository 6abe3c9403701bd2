using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Data;
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
        RuleFor(r => r.Version).NotNull().WithMessage("Send the version you read, so a concurrent edit is not overwritten.");
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
            .WithSummary("Corrects a measured value; publishes IndicatorMeasured again with the same measurement id.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<MeasurementResponse>> Handle(
        Guid projectId,
        Guid indicatorId,
        Guid measurementId,
        CorrectMeasurementRequest request,
        ClaimsPrincipal user,
        ProjectsDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var indicator = await ResultsApi.FindIndicatorAsync(db, projectId, indicatorId, cancellationToken);
        var measurement = await db.Measurements.SingleOrDefaultAsync(m => m.Id == measurementId && m.IndicatorId == indicator.Id, cancellationToken)
            ?? throw new NotFoundException("Measurement", measurementId);

        // The version the editor read: if the row has moved on since, SaveChanges throws and the answer is 409.
        db.Entry(measurement).Property(m => m.Version).OriginalValue = request.Version!.Value;
        var now = clock.GetUtcNow();
        measurement.Value = request.Value!.Value;
        measurement.Notes = ResultsApi.NormalizeText(request.Notes);
        measurement.RecordedBy = user.UserId();
        measurement.RecordedAt = now;
        // Same measurement id: consumers replace the value they had.
        db.AddIntegrationEvent(measurement.ToEvent(indicator, now));
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Ok(MeasurementResponse.From(measurement));
    }
}
