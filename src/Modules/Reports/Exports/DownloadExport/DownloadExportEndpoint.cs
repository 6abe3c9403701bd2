using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.Exports.DownloadExport;

internal sealed class DownloadExportEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ExportsApi.Exports(app)
            .MapGet("{id:guid}/file", Handle)
            .WithName("DownloadExport")
            .RequireAuthorization(Policies.Read)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Downloads a finished background export.");

    internal static async Task<PushStreamHttpResult> Handle(Guid id, ReportsDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var job = await db.FindJobAsync(id, cancellationToken);
        if (job.Status != ExportJobStatus.Done)
        {
            throw new ConflictException(job.Status == ExportJobStatus.Failed
                ? "This export failed: start a new one."
                : $"This export is not ready yet ({ExportJobResponse.Of(job).Percent}% done).");
        }
        http.Response.ContentLength = job.SizeBytes;
        // One chunk in memory at a time, whatever the file's size.
        return TypedResults.Stream(async body =>
        {
            for (var sequence = 0; ; sequence++)
            {
                var data = await db.ExportChunks.Where(c => c.JobId == id && c.Sequence == sequence)
                    .Select(c => c.Data).SingleOrDefaultAsync(cancellationToken);
                if (data is null) break;
                await body.WriteAsync(data, cancellationToken);
            }
        }, job.ContentType, job.FileName);
    }
}
