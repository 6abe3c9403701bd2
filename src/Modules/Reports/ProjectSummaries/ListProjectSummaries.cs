using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Advocacy.Modules.Reports.ProjectSummaries;

internal sealed record ProjectSummaryResponse(
    Guid ProjectId, string Code, string Name, ProjectLevel Level, ProjectStatus Status, DateOnly StartDate, DateOnly? EndDate,
    List<string> Countries, DateTimeOffset UpdatedAt);

/// <summary>The projects Reports knows of, from its read model.</summary>
internal sealed class ListProjectSummariesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports/projects").WithTags("Reports").RequireAuthorization(Policies.Read);
        group.MapGet("", List).WithName("ListProjectSummaries");
        group.MapGet("{projectId:guid}", Get).WithName("GetProjectSummary").ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Ok<List<ProjectSummaryResponse>>> List(ReportsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.ProjectSummaries.AsNoTracking()
            .OrderBy(s => s.Code)
            .Select(s => new ProjectSummaryResponse(s.ProjectId, s.Code, s.Name, s.Level, s.Status, s.StartDate, s.EndDate, s.Countries, s.UpdatedAt))
            .ToListAsync(cancellationToken));

    internal static async Task<Ok<ProjectSummaryResponse>> Get(Guid projectId, ReportsDbContext db, CancellationToken cancellationToken)
    {
        var summary = await db.ProjectSummaries.AsNoTracking()
            .Where(s => s.ProjectId == projectId)
            .Select(s => new ProjectSummaryResponse(s.ProjectId, s.Code, s.Name, s.Level, s.Status, s.StartDate, s.EndDate, s.Countries, s.UpdatedAt))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Project summary", projectId);
        return TypedResults.Ok(summary);
    }
}
