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
        var deleted = await db.DonorReports.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? throw new NotFoundException("Donor report", id) : TypedResults.NoContent();
    }
}
