using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.Modules.Projects.Data;
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.ReportingPeriods.ReturnPeriod;

/// <summary>What the manager wants corrected, and the version read.</summary>
internal sealed record ReturnPeriodRequest(string? Comment, uint? Version = null);

internal sealed class ReturnPeriodValidator : AbstractValidator<ReturnPeriodRequest>
{
    public ReturnPeriodValidator() =>
        RuleFor(r => r.Comment).NotEmpty().WithMessage(_ => ValidationMessages.ReturnComment)
            .MaximumLength(ReportingPeriod.CommentMaxLength);
}

internal sealed class ReturnPeriodEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ReportingPeriodsApi.ProjectGroup(app)
            .MapPost("{periodId:guid}/return", Handle)
            .WithName("ReturnReportingPeriod")
            .RequireAuthorization(Policies.Manage)
            .WithValidation<ReturnPeriodRequest>()
            .WithSummary("A manager returns a submitted period to staff with a comment (required); it is open again until resubmitted.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<ReportingPeriodResponse>> Handle(
        Guid projectId, Guid periodId, ReturnPeriodRequest request, ClaimsPrincipal user, ProjectsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await ReportingPeriodsApi.ChangeAsync(db, clock, projectId, periodId, request.Version,
            (period, now) => period.MoveTo(PeriodStatus.Returned, user.UserId(), user.UserName(), now, request.Comment),
            cancellationToken);
        return TypedResults.Ok(await ReportingPeriodsApi.DetailsAsync(db, projectId, periodId, cancellationToken));
    }
}
