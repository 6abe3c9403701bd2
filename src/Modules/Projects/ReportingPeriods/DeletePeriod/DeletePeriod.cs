using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.ReportingPeriods.DeletePeriod;

internal sealed class DeletePeriodEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ReportingPeriodsApi.ProjectGroup(app)
            .MapDelete("{periodId:guid}", Handle)
            .WithName("DeleteReportingPeriod")
            .RequireAuthorization(Policies.Write)
            .WithSummary("Deletes a period created by mistake: only a draft or returned one that was never approved (else 409); "
                + "an approved period and its history stay for good.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <param name="version">The version the client read; when given, a concurrent change makes this 409.</param>
    internal static async Task<NoContent> Handle(
        Guid projectId, Guid periodId, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken, uint? version = null)
    {
        await ReportingPeriodsApi.ChangeAsync(db, clock, projectId, periodId, version, (period, _) =>
        {
            if (period.WasEverApproved || period.Status is not (PeriodStatus.Draft or PeriodStatus.Returned))
            {
                throw new ConflictException(period.WasEverApproved
                    ? $"The reporting period {period.Span} has been approved before; it stays, with its history."
                    : $"The reporting period {period.Span} is {period.Status.ToString().ToLowerInvariant()}; only a draft or returned period can be deleted.");
            }
            db.ReportingPeriods.Remove(period);
        }, cancellationToken);
        return TypedResults.NoContent();
    }
}
