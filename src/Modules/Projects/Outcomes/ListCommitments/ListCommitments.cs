using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Stakeholders;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Outcomes.ListCommitments;

/// <summary>"Commitments overdue", and commitments by status, project or stakeholder.</summary>
internal sealed class ListCommitmentsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        OutcomesApi.Commitments(app)
            .MapGet("", Handle)
            .WithName("ListCommitments")
            .RequireAuthorization(Policies.Read)
            .WithSummary("Commitments made at advocacy activities, soonest due first (those without a due date last).")
            .WithDescription("status: made, inProgress, fulfilled or broken. overdue=true: due before today and neither fulfilled nor broken "
                + "(overdue=false: the others). projectId, stakeholderId: only those. Commitments of deleted activities are never listed.");

    internal static async Task<Results<Ok<Page<CommitmentResponse>>, ValidationProblem>> Handle(
        ProjectsDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken,
        string? status = null,
        bool? overdue = null,
        Guid? projectId = null,
        Guid? stakeholderId = null,
        int page = 1,
        int pageSize = Paging.DefaultPageSize)
    {
        var errors = Paging.Errors(page, pageSize) ?? [];
        var commitmentStatus = QueryEnum.Parse<CommitmentStatus>(status, "status", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var today = clock.Today();

        var query = db.Commitments.AsQueryable();
        if (commitmentStatus is not null) query = query.Where(c => c.Status == commitmentStatus);
        if (projectId is not null) query = query.Where(c => c.ProjectId == projectId);
        if (stakeholderId is not null) query = query.Where(c => c.StakeholderId == stakeholderId);
        if (overdue is true)
        {
            query = query.Where(c => c.DueDate < today && (c.Status == CommitmentStatus.Made || c.Status == CommitmentStatus.InProgress));
        }
        if (overdue is false)
        {
            query = query.Where(c => !(c.DueDate < today && (c.Status == CommitmentStatus.Made || c.Status == CommitmentStatus.InProgress)));
        }

        var responses = OutcomesApi.CommitmentResponses(db, query, today);
        var total = await responses.CountAsync(cancellationToken);
        var items = await responses.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<CommitmentResponse>(items, page, pageSize, total));
    }
}
