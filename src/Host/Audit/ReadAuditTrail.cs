using System.Text.Json;
using Advocacy.BuildingBlocks;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Http;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Host.Audit;

/// <summary>One audit entry as the admin API returns it, with the schema (module) it was written in.</summary>
internal sealed record AuditEntryResponse(
    string Module, Guid Id, DateTimeOffset At, string UserId, string? UserName, string Action, string Entity, string EntityId,
    JsonElement? Before, JsonElement? After, string? Request);

/// <summary>
/// The audit trail for admins: every write of every module (who, when, what, before and after), newest first,
/// across the modules' own append-only <c>audit_entries</c> tables.
/// </summary>
internal sealed class ReadAuditTrailEndpoint : ICarterModule
{
    /// <summary>How deep offset paging may reach across the modules; beyond it, narrow the filter.</summary>
    private const int MaxDepth = 10_000;

    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/audit", Handle)
            .WithName("ReadAuditTrail")
            .WithTags("Administration")
            .RequireAuthorization(Policies.Admin)
            .WithSummary("The audit trail, newest first: filter by module (schema), entity type and id, user, and time.");

    internal static async Task<Results<Ok<Page<AuditEntryResponse>>, ValidationProblem>> Handle(
        IEnumerable<IModuleDatabase> databases, IServiceProvider services, CancellationToken cancellationToken,
        string? module = null, string? entity = null, string? entityId = null, string? userId = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int page = 1, int pageSize = Paging.DefaultPageSize)
    {
        var errors = Paging.Errors(page, pageSize) ?? [];
        var modules = databases.Where(d => module is null || d.Schema == module).ToList();
        if (modules.Count == 0)
        {
            errors["module"] = [$"Unknown module; one of: {string.Join(", ", databases.Select(d => d.Schema))}."];
        }
        if ((long)page * pageSize > MaxDepth)
        {
            errors["page"] = [$"Pages reach the {MaxDepth:N0} newest entries; narrow the filter (time, user, entity) to go further."];
        }
        if (from is not null && to is not null && to < from)
        {
            errors["to"] = ["'to' must not be before 'from'."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var filter = new AuditFilter(Input.Blank(entity), Input.Blank(entityId), Input.Blank(userId), from, to);
        var found = new List<AuditEntryResponse>();
        var total = 0;
        foreach (var database in modules)
        {
            var (entries, count) = await database.ReadAuditAsync(services, filter, page * pageSize, cancellationToken);
            total += count;
            found.AddRange(entries.Select(e => new AuditEntryResponse(
                database.Schema, e.Id, e.At, e.UserId, e.UserName, e.Action, e.Entity, e.EntityId,
                e.Before?.RootElement.Clone(), e.After?.RootElement.Clone(), e.Request)));
        }
        var items = found.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return TypedResults.Ok(new Page<AuditEntryResponse>(items, page, pageSize, total));
    }
}
