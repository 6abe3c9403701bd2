using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.DonorReports;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Advocacy.Modules.Reports.Exports.ExportDonorReport;

/// <summary>
/// Exports a donor report: a small one streams at once; a large one (or any, with background=true)
/// becomes a background job, answered 202 with the job to poll for progress and the download link.
/// </summary>
internal sealed class ExportDonorReportEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        DonorReportsApi.DonorReports(app)
            .MapGet("{id:guid}/export", Handle)
            .WithName("ExportDonorReport")
            .RequireAuthorization(Policies.Read)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Exports a donor report as xlsx, csv (one section), pdf or iati (IATI activity XML 2.03, project reports only).");

    internal static async Task<Results<PushStreamHttpResult, Accepted<ExportJobResponse>, ValidationProblem>> Handle(
        Guid id, ReportsDbContext db, ClaimsPrincipal user, TimeProvider clock, ExportJobSignal signal, IOptions<ExportOptions> options,
        IOptions<IatiOptions> iati,
        CancellationToken cancellationToken, string? format = null, string? section = null, bool background = false)
    {
        var errors = new Dictionary<string, string[]>();
        var exportFormat = QueryEnum.Parse<ExportFormat>(format, "format", errors);
        var exportSection = QueryEnum.Parse<ExportSection>(section, "section", errors);
        if (exportFormat is null && !errors.ContainsKey("format"))
        {
            errors["format"] = ["Say which format: xlsx, csv, pdf or iati."];
        }
        if (exportSection is not null && exportFormat is not ExportFormat.Csv)
        {
            errors["section"] = ["Only a CSV export takes a section: the other formats hold them all."];
        }
        var report = await db.FindAsync(id, cancellationToken);
        if (exportFormat is ExportFormat.Iati && report.ProjectId is null)
        {
            errors["format"] = ["IATI activity XML describes one project: export it from a project's report."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var scope = await DonorReportContent.ScopeAsync(db, report, cancellationToken);
        var count = await scope.Activities(db).LongCountAsync(cancellationToken);
        if (background || count > options.Value.StreamUpToActivities)
        {
            var job = new ExportJob
            {
                Id = Guid.CreateVersion7(), DonorReportId = id, Format = exportFormat!.Value, Section = exportSection,
                Status = ExportJobStatus.Queued, RowsTotal = count, RequestedBy = user.UserId(), RequestedAt = clock.GetUtcNow(),
            };
            db.ExportJobs.Add(job);
            await db.SaveChangesAsync(cancellationToken);
            signal.Notify();
            return TypedResults.Accepted($"/api/exports/{job.Id}", ExportJobResponse.Of(job));
        }

        var content = DonorReportFile.NeedsFigures(exportFormat!.Value, exportSection)
            ? await DonorReportContent.ComputeAsync(db, report, scope, clock.GetUtcNow(), cancellationToken)
            : null;
        return TypedResults.Stream(async body =>
        {
            // The writers are synchronous and Kestrel refuses synchronous writes: buffer (in memory,
            // then on disk past 1 MiB), then copy asynchronously.
            await using var buffer = new FileBufferingWriteStream();
            DonorReportFile.Write(exportFormat.Value, exportSection, content, scope.Activities(db), count, iati.Value.ReportingOrg(), progress: null, buffer);
            await buffer.DrainBufferAsync(body, cancellationToken);
        }, DonorReportFile.ContentType(exportFormat.Value), DonorReportFile.FileName(report, exportFormat.Value, exportSection));
    }
}
