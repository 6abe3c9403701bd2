using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Asks.ListAsks;

/// <summary>The filters both ask lists take (across projects, and one project's).</summary>
internal static class AskQuery
{
    public static async Task<Results<Ok<Page<AskResponse>>, ValidationProblem>> PageAsync(
        ProjectsDbContext db, Guid? projectId, string? status, string? source, Guid? targetId, string? search, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        var errors = Paging.Errors(page, pageSize) ?? [];
        var askStatus = QueryEnum.Parse<AskStatus>(status, "status", errors);
        var askSource = QueryEnum.Parse<AskSource>(source, "source", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.Asks.AsNoTracking();
        if (projectId is not null) query = query.Where(a => a.ProjectId == projectId);
        if (askStatus is not null) query = query.Where(a => a.Status == askStatus);
        if (askSource is not null) query = query.Where(a => a.Source == askSource);
        if (targetId is not null) query = query.Where(a => a.TargetStakeholderIds.Contains(targetId.Value));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = Paging.ContainsPattern(search);
            query = query.Where(a => EF.Functions.ILike(a.Text, pattern, Paging.LikeEscape));
        }

        var total = await query.CountAsync(cancellationToken);
        var asks = await query.Include(a => a.History)
            .OrderByDescending(a => a.OpenedOn).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<AskResponse>(await AsksApi.ResponsesAsync(db, asks, cancellationToken), page, pageSize, total));
    }
}
