using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Coalitions.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Coalitions.Statements.CreateStatement;

/// <summary>
/// Records a joint statement or position. Signed by the organisation and linked to projects, it goes out
/// as StatementSigned, so Projects logs the advocacy work.
/// </summary>
internal sealed class CreateStatementEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        StatementsApi.Group(app)
            .MapPost("", Handle)
            .WithName("CreateStatement")
            .RequireAuthorization(Policies.Write)
            .WithValidation<StatementRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Created<StatementResponse>, ValidationProblem>> Handle(
        StatementRequest request, ClaimsPrincipal user, CoalitionsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (errors, coalitionName) = await StatementRequestValidator.LinkErrorsAsync(request, db, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await db.EnsureStatementIsNewAsync(request, except: null, cancellationToken);

        var now = clock.GetUtcNow();
        var statement = new Statement { Id = Guid.CreateVersion7(), Title = "", AddressedTo = "", RecordedBy = user.UserId(), RecordedAt = now };
        // Staff link and unlink their own projects only; others' links stay as they are (ADR 0016).
        db.Access.EnsureMayRelink(statement.ProjectIds, request.ProjectIds ?? []);
        StatementRequestValidator.Apply(request, statement);
        db.Statements.Add(statement);
        if (statement.IsReported)
        {
            db.AddIntegrationEvent(statement.ToEvent(coalitionName, now));
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/statements/{statement.Id}", StatementResponse.From(statement, coalitionName));
    }
}
