using Advocacy.BuildingBlocks.Authorization;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.DonorReports.GetDonorReport;

/// <summary>A donor report and, as a preview, its figures computed now from the read model.</summary>
internal sealed record DonorReportPreview(DonorReportResponse Report, DonorReportContent Content);

internal sealed class GetDonorReportEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        DonorReportsApi.DonorReports(app)
            .MapGet("{id:guid}", Handle)
            .WithName("GetDonorReport")
            .RequireAuthorization(Policies.Read)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A donor report with its figures (the activity list is paged at /activities).");

    internal static async Task<Ok<DonorReportPreview>> Handle(Guid id, ReportsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var report = await db.FindAsync(id, cancellationToken);
        var content = await DonorReportContent.ComputeAsync(db, report, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new DonorReportPreview(DonorReportResponse.Of(report), content));
    }
}
