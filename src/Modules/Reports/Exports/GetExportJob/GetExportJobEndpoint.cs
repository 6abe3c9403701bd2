using Advocacy.BuildingBlocks.Authorization;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.Exports.GetExportJob;

internal sealed class GetExportJobEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        ExportsApi.Exports(app)
            .MapGet("{id:guid}", Handle)
            .WithName("GetExportJob")
            .RequireAuthorization(Policies.Read)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A background export: its status, progress and, once done, its download link.");
        app.MapGroup("/api/donor-reports").WithTags("Donor reports")
            .MapGet("{id:guid}/exports", List)
            .WithName("ListDonorReportExports")
            .RequireAuthorization(Policies.Read)
            .WithSummary("A donor report's background exports, newest first.");
    }

    internal static async Task<Ok<ExportJobResponse>> Handle(Guid id, ReportsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(ExportJobResponse.Of(await db.FindJobAsync(id, cancellationToken)));

    internal static async Task<Ok<List<ExportJobResponse>>> List(Guid id, ReportsDbContext db, CancellationToken cancellationToken)
    {
        var jobs = await db.ExportJobs.AsNoTracking().Where(j => j.DonorReportId == id)
            .OrderByDescending(j => j.RequestedAt).Take(50).ToListAsync(cancellationToken);
        return TypedResults.Ok(jobs.Select(ExportJobResponse.Of).ToList());
    }
}
