using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.ReportingPeriods.UnlockPeriod;

/// <summary>Why an approved period must change after all, and the version read.</summary>
internal sealed record UnlockPeriodRequest(string? Reason, uint? Version = null);

internal sealed class UnlockPeriodValidator : AbstractValidator<UnlockPeriodRequest>
{
    public UnlockPeriodValidator() =>
        RuleFor(r => r.Reason).NotEmpty().WithMessage(_ => ValidationMessages.UnlockReason)
            .MaximumLength(ReportingPeriod.CommentMaxLength);
}

internal sealed class UnlockPeriodEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ReportingPeriodsApi.ProjectGroup(app)
            .MapPost("{periodId:guid}/unlock", Handle)
            .WithName("UnlockReportingPeriod")
            .RequireAuthorization(Policies.Admin)
            .WithValidation<UnlockPeriodRequest>()
            .WithSummary("An admin unlocks an approved period, with a reason (required): it is a draft again, to be submitted and approved anew; "
                + "publishes ReportingPeriodUnlocked.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<ReportingPeriodResponse>> Handle(
        Guid projectId, Guid periodId, UnlockPeriodRequest request, ClaimsPrincipal user, ProjectsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var reason = request.Reason!.Trim();
        await ReportingPeriodsApi.ChangeAsync(db, clock, projectId, periodId, request.Version, (period, now) =>
        {
            period.MoveTo(PeriodStatus.Draft, user.UserId(), user.UserName(), now, reason);
            db.AddIntegrationEvent(new ReportingPeriodUnlocked(period.Id, period.ProjectId, period.From, period.To, reason, now));
        }, cancellationToken);
        return TypedResults.Ok(await ReportingPeriodsApi.DetailsAsync(db, projectId, periodId, cancellationToken));
    }
}
