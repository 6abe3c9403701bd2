using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.DonorReports.CreateDonorReport;

internal sealed class CreateDonorReportEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        DonorReportsApi.DonorReports(app)
            .MapPost("", Handle)
            .WithName("CreateDonorReport")
            .RequireAuthorization(Policies.Write)
            .WithValidation<DonorReportRequest>()
            .WithSummary("Starts a donor report for a project, or for a donor's projects, and a period.");

    internal static async Task<Results<Created<DonorReportResponse>, ValidationProblem>> Handle(
        DonorReportRequest request, ClaimsPrincipal user, ReportsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        await db.CheckScopeAsync(request, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var report = new DonorReport { Id = Guid.CreateVersion7(), Title = "", CreatedBy = user.UserId(), CreatedAt = clock.GetUtcNow() };
        DonorReportRequestValidator.Apply(request, report);
        db.DonorReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/donor-reports/{report.Id}", DonorReportResponse.Of(report));
    }
}
