using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using System.Data;

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
        // A query per chunk (a slow client holds no query open between them), each streamed through a small
        // buffer: a 1 MiB array per chunk would go to the large object heap, collected seldom.
        return TypedResults.Stream(async body =>
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            for (var sequence = 0; ; sequence++)
            {
                await using var command = new NpgsqlCommand(
                    "SELECT data FROM reports.export_chunks WHERE job_id = $1 AND sequence = $2", (NpgsqlConnection)db.Database.GetDbConnection())
                {
                    Parameters = { new() { Value = id }, new() { Value = sequence } },
                };
                await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
                if (!await reader.ReadAsync(cancellationToken)) break;
                await using var data = await reader.GetStreamAsync(0, cancellationToken);
                await data.CopyToAsync(body, cancellationToken);
            }
        }, job.ContentType, job.FileName);
    }
}
