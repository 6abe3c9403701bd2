using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Projects;
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.ReportingPeriods.CreatePeriod;

/// <summary>A period of the project to report on, first and last day inclusive.</summary>
internal sealed record CreatePeriodRequest(DateOnly? From, DateOnly? To);

internal sealed class CreatePeriodValidator : AbstractValidator<CreatePeriodRequest>
{
    public CreatePeriodValidator()
    {
        RuleFor(r => r.From).NotNull().InclusiveBetween(ProjectRequestValidator.EarliestDate, ProjectRequestValidator.LatestDate);
        RuleFor(r => r.To).NotNull().InclusiveBetween(ProjectRequestValidator.EarliestDate, ProjectRequestValidator.LatestDate);
        When(r => r.From is not null && r.To is not null, () =>
        {
            RuleFor(r => r.To).GreaterThanOrEqualTo(r => r.From).WithMessage(_ => ValidationMessages.PeriodEndsBeforeStart);
            RuleFor(r => r.To).Must((r, to) => to < r.From!.Value.AddYears(ReportingPeriod.MaxYears))
                .WithMessage(_ => ValidationMessages.ReportingPeriodTooLong.With(ReportingPeriod.MaxYears));
        });
    }
}

internal sealed class CreatePeriodEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ReportingPeriodsApi.ProjectGroup(app)
            .MapPost("", Handle)
            .WithName("CreateReportingPeriod")
            .RequireAuthorization(Policies.Write)
            .WithValidation<CreatePeriodRequest>()
            .WithSummary("Creates a draft reporting period of the project. It must overlap the project's dates and no other period of it (409).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Created<ReportingPeriodResponse>, ValidationProblem>> Handle(
        Guid projectId, CreatePeriodRequest request, ClaimsPrincipal user, ProjectsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (from, to) = (request.From!.Value, request.To!.Value);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.Code, p.StartDate, p.EndDate })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Project", projectId);
        // A period may start before the project or end after it (a calendar year, a donor's semester), not miss it.
        if (to < project.StartDate || (project.EndDate is { } end && from > end))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["from"] = [$"The period must overlap the project ({project.StartDate:yyyy-MM-dd} to {project.EndDate?.ToString("yyyy-MM-dd") ?? "open"})."],
            });
        }

        // Two periods created at once must not both pass the overlap check.
        await db.LockProjectPeriodsAsync(projectId, cancellationToken);
        var overlapping = await db.ReportingPeriods.AsNoTracking()
            .Where(p => p.ProjectId == projectId && p.From <= to && p.To >= from)
            .OrderBy(p => p.From)
            .FirstOrDefaultAsync(cancellationToken);
        if (overlapping is not null)
        {
            throw new ConflictException(
                $"The reporting period {overlapping.Span} of {project.Code} overlaps {ReportingPeriod.Describe(from, to)}: "
                + "a project's periods must not overlap.");
        }

        var period = ReportingPeriod.Create(projectId, from, to, user.UserId(), user.UserName(), clock.GetUtcNow());
        db.ReportingPeriods.Add(period);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Created(
            $"/api/projects/{projectId}/reporting-periods/{period.Id}",
            await ReportingPeriodsApi.DetailsAsync(db, projectId, period.Id, cancellationToken));
    }
}
