using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Reports.Contracts;
using Advocacy.Modules.Reports.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Reports.Rebuild;

internal sealed record RebuildStarted(DateTimeOffset RequestedAt);

/// <summary>
/// Rebuilds the read model from scratch: empties it and its inbox, then asks the publishing modules
/// (ReadModelRebuildRequested) to publish their events again. Figures fill back in as they arrive.
/// </summary>
internal sealed class RebuildReadModelEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/reports").WithTags("Reports")
            .MapPost("rebuild", Handle)
            .WithName("RebuildReadModel")
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Empties Reports' read model and replays every module's events into it (admins).");

    internal static async Task<Accepted<RebuildStarted>> Handle(ReportsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The read model and the inbox, in one statement; not the outbox, nor Reports' own source data
        // (publications and recommendations), which no other module could replay.
        var tables = ReportsDbContext.ReadModelTypes
            .Select(type => db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model."))
            .Select(t => $"\"{t.GetSchema()}\".\"{t.GetTableName()}\"")
            .Distinct();
        var truncate = $"TRUNCATE {string.Join(", ", tables)}";
        await db.Database.ExecuteSqlRawAsync(truncate, cancellationToken);
        db.AddIntegrationEvent(new ReadModelRebuildRequested(now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Accepted("/api/reports/projects", new RebuildStarted(now));
    }
}
