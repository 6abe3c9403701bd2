using Advocacy.BuildingBlocks.Messaging;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Results.UpdateIndicator;

/// <summary>
/// The indicator's definition as it should now be, with the <see cref="Version"/> the editor read.
/// Its objective stays: an indicator measures the objective it was defined for.
/// </summary>
internal sealed record UpdateIndicatorRequest(
    string Code,
    string Name,
    string Unit,
    IndicatorDirection? Direction,
    IndicatorAggregation? Aggregation,
    decimal? Baseline,
    decimal? Target,
    ReportingFrequency? Frequency,
    uint? Version) : IIndicatorInput;

internal sealed class UpdateIndicatorValidator : AbstractValidator<UpdateIndicatorRequest>
{
    public UpdateIndicatorValidator()
    {
        Include(new IndicatorInputValidator());
        RuleFor(r => r.Version).NotNull().WithMessage("Send the version you read, so a concurrent edit is not overwritten.");
    }
}

internal sealed class UpdateIndicatorEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ResultsApi.Group(app)
            .MapPut("indicators/{indicatorId:guid}", Handle)
            .WithName("UpdateIndicator")
            .RequireAuthorization(Policies.Write)
            .WithValidation<UpdateIndicatorRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<IndicatorResponse>> Handle(
        Guid projectId, Guid indicatorId, UpdateIndicatorRequest request, ProjectsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var indicator = await ResultsApi.FindIndicatorAsync(db, projectId, indicatorId, cancellationToken);
        var code = ResultsApi.NormalizeCode(request.Code);
        await IndicatorInputValidator.EnsureCodeIsFreeAsync(db, projectId, code, indicator.Id, cancellationToken);

        // The version the editor read: if the row has moved on since, SaveChanges throws and the answer is 409.
        db.Entry(indicator).Property(i => i.Version).OriginalValue = request.Version!.Value;
        IndicatorInputValidator.Apply(request, indicator);
        db.AddIntegrationEvent(indicator.ToDefinedEvent(clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Ok(IndicatorResponse.From(indicator));
    }
}
