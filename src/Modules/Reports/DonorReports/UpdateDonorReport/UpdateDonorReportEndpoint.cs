using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.Publications;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.DonorReports.UpdateDonorReport;

/// <summary>Edits a donor report's title, scope, period or narrative.</summary>
internal sealed class UpdateDonorReportEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        DonorReportsApi.DonorReports(app)
            .MapPut("{id:guid}", Handle)
            .WithName("UpdateDonorReport")
            .RequireAuthorization(Policies.Write)
            .WithValidation<DonorReportRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Edits a donor report (send the version you read).");

    internal static async Task<Results<Ok<DonorReportResponse>, ValidationProblem>> Handle(
        Guid id, DonorReportRequest request, ReportsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var report = await db.FindAsync(id, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        await db.CheckScopeAsync(request, errors, cancellationToken);
        if (request.Version is null)
        {
            errors["version"] = [PublicationLimits.VersionMissing];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        db.Entry(report).Property(r => r.Version).OriginalValue = request.Version!.Value;
        DonorReportRequestValidator.Apply(request, report);
        report.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(DonorReportResponse.Of(report));
    }
}
