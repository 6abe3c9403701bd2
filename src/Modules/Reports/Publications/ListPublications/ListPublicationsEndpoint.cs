using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Reports.Contracts;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.Publications.ListPublications;

internal sealed class ListPublicationsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        PublicationsApi.Publications(app)
            .MapGet("", Handle)
            .WithName("ListPublications")
            .RequireAuthorization(Policies.Read)
            .WithSummary("Publications, latest first (drafts first), filtered by type, status and publication period.");

    internal static async Task<Results<Ok<Page<PublicationResponse>>, ValidationProblem>> Handle(
        ReportsDbContext db,
        CancellationToken cancellationToken,
        string? type = null,
        string? status = null,
        DateOnly? from = null,
        DateOnly? to = null,
        int page = 1,
        int pageSize = Paging.DefaultPageSize)
    {
        var errors = Paging.ListErrors(page, pageSize, from, to);
        var publicationType = QueryEnum.Parse<PublicationType>(type, "type", errors);
        var publicationStatus = QueryEnum.Parse<PublicationStatus>(status, "status", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.Publications.AsNoTracking();
        if (publicationType is not null) query = query.Where(p => p.Type == publicationType);
        if (publicationStatus is not null) query = query.Where(p => p.Status == publicationStatus);
        if (from is not null) query = query.Where(p => p.PublishedOn >= from);
        if (to is not null) query = query.Where(p => p.PublishedOn <= to);
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(p => p.PublishedOn == null ? 0 : 1).ThenByDescending(p => p.PublishedOn).ThenByDescending(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<PublicationResponse>(items.Select(p => PublicationResponse.From(p)).ToList(), page, pageSize, total));
    }
}
