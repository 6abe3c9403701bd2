using Advocacy.BuildingBlocks.Messaging;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Projects;
using Advocacy.Modules.Projects.ReportingPeriods;
using Advocacy.Modules.Projects.Results.Rules;
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Results.CreateIndicator;

internal sealed record CreateIndicatorRequest(
    Guid? ObjectiveId,
    string Code,
    string Name,
    string Unit,
    IndicatorDirection? Direction,
    IndicatorAggregation? Aggregation,
    decimal? Baseline,
    decimal? Target,
    ReportingFrequency? Frequency,
    IndicatorRuleInput? Rule = null,
    List<Guid>? DisaggregationSetIds = null,
    bool? RequireTotals = null,
    Dictionary<string, string>? NameTranslations = null) : IIndicatorInput;

internal sealed class CreateIndicatorValidator : AbstractValidator<CreateIndicatorRequest>
{
    public CreateIndicatorValidator()
    {
        RuleFor(r => r.ObjectiveId).NotEmpty().WithMessage(_ => ValidationMessages.NameObjective);
        Include(new IndicatorInputValidator());
    }
}

internal sealed class CreateIndicatorEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ResultsApi.Group(app)
            .MapPost("indicators", Handle)
            .WithName("CreateIndicator")
            .RequireAuthorization(Policies.Write)
            .WithValidation<CreateIndicatorRequest>()
            .WithSummary("Defines an indicator: typed (values recorded by hand, optionally broken down by disaggregation sets) "
                + "or with a rule, when it counts itself from the activity log and its periods are computed at once.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Created<IndicatorResponse>, ValidationProblem>> Handle(
        Guid projectId, CreateIndicatorRequest request, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        PeriodLockCheck? periods = null;
        if (request.Rule is not null)
        {
            // Before the rules' lock, in the order activity writers take them.
            periods = await db.WatchComputedAsync(projectId, cancellationToken);
            await RuleMeasurements.LockProjectAsync(db, projectId, cancellationToken);
        }
        var projectStart = await db.Projects.Where(p => p.Id == projectId).Select(p => (DateOnly?)p.StartDate).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Project", projectId);
        var objectiveId = request.ObjectiveId!.Value;
        if (!await db.Objectives.AnyAsync(o => o.Id == objectiveId && o.ProjectId == projectId, cancellationToken))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["objectiveId"] = ["This project has no objective with this id."],
            });
        }
        if (await IndicatorInputValidator.SetErrorsAsync(db, request.DisaggregationSetIds, cancellationToken) is { } setErrors)
        {
            return TypedResults.ValidationProblem(setErrors);
        }
        var code = ResultsApi.NormalizeCode(request.Code);
        await IndicatorInputValidator.EnsureCodeIsFreeAsync(db, projectId, code, exceptId: null, cancellationToken);

        var indicator = new Indicator
        {
            Id = Guid.CreateVersion7(), ProjectId = projectId, ObjectiveId = objectiveId,
            Code = code, Name = "", Unit = "", CreatedAt = clock.GetUtcNow(),
        };
        IndicatorInputValidator.Apply(request, indicator);
        indicator.Rule = request.Rule?.ToRule(projectStart);
        db.Indicators.Add(indicator);
        db.AddIntegrationEvent(indicator.ToDefinedEvent(indicator.CreatedAt));
        await db.SaveChangesAsync(cancellationToken);
        if (indicator.Rule is not null)
        {
            // The activities already logged count at once.
            await RuleMeasurements.RecountIndicatorAsync(db, indicator, indicator.CreatedAt, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            // Values it would count into an approved period refuse it (ADR 0011).
            await periods!.EnsureComputedUnchangedAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Created($"/api/projects/{projectId}/indicators/{indicator.Id}", IndicatorResponse.From(indicator));
    }
}
