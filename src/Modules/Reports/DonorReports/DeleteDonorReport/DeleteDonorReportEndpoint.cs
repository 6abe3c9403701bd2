using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.DonorReports.DeleteDonorReport;

/// <summary>Deletes a donor report and its exports; the figures it showed stay in the read model.</summary>
internal sealed class DeleteDonorReportEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        DonorReportsApi.DonorReports(app)
            .MapDelete("{id:guid}", Handle)
            .WithName("DeleteDonorReport")
            .RequireAuthorization(Policies.Write)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Deletes a donor report and its exports.");

    internal static async Task<NoContent> Handle(Guid id, ReportsDbContext db, CancellationToken cancellationToken)
    {
        // Loaded and removed through the change tracker, so the audit trail records what was deleted.
        var report = await db.DonorReports.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("Donor report", id);
        db.DonorReports.Remove(report);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
