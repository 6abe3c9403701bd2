using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Coalitions.Data;
using Advocacy.Modules.Coalitions.Shared;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Coalitions.Statements.UpdateStatement;

/// <summary>
/// Edits a statement. One Projects knows of is published again in full; one that is no longer signed by
/// the organisation or linked to projects is published with no projects, so Projects withdraws it.
/// </summary>
internal sealed class UpdateStatementEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        StatementsApi.Group(app)
            .MapPut("{id:guid}", Handle)
            .WithName("UpdateStatement")
            .RequireAuthorization(Policies.Write)
            .WithValidation<StatementRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<StatementResponse>, ValidationProblem>> Handle(
        Guid id, StatementRequest request, CoalitionsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var statement = await db.Statements.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("Statement", id);
        var (errors, coalitionName) = await StatementRequestValidator.LinkErrorsAsync(request, db, cancellationToken);
        LinkChecks.RequireVersion(request.Version, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await db.EnsureStatementIsNewAsync(request, except: id, cancellationToken);

        var wasReported = statement.IsReported;
        db.Entry(statement).Property(s => s.Version).OriginalValue = request.Version!.Value;
        // Staff link and unlink their own projects only; others' links stay as they are (ADR 0016).
        db.Access.EnsureMayRelink(statement.ProjectIds, request.ProjectIds ?? []);
        StatementRequestValidator.Apply(request, statement);
        statement.UpdatedAt = clock.GetUtcNow();
        if (statement.IsReported || wasReported)
        {
            db.AddIntegrationEvent(statement.ToEvent(coalitionName, statement.UpdatedAt.Value));
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(StatementResponse.From(statement, coalitionName));
    }
}
