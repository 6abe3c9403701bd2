using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Stakeholders.UpdateStakeholder;

internal sealed class UpdateStakeholderEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        StakeholdersApi.Group(app)
            .MapPut("{id:guid}", Handle)
            .WithName("UpdateStakeholder")
            .RequireAuthorization(Policies.Write)
            .WithSummary("Edits a stakeholder (send the version you read). Its parent may not be itself or an institution under it.")
            .WithValidation<StakeholderRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<StakeholderResponse>, ValidationProblem>> Handle(
        Guid id, StakeholderRequest request, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Version is null)
        {
            return TypedResults.ValidationProblem(AdvocacyLimits.Error("version", AdvocacyLimits.VersionMissing));
        }
        var stakeholder = await db.Stakeholders.SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new NotFoundException("Stakeholder", id);
        if (await StakeholderRules.ParentErrorsAsync(db, request.ParentId, self: id, cancellationToken) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (request.Kind == StakeholderKind.Person && stakeholder.Kind != StakeholderKind.Person
            && await db.Stakeholders.AnyAsync(s => s.ParentId == id, cancellationToken))
        {
            return TypedResults.ValidationProblem(AdvocacyLimits.Error("kind", "Other stakeholders belong to this institution: it cannot become a person."));
        }
        await StakeholderRules.EnsureNameFreeAsync(db, request.Name, request.ParentId, self: id, cancellationToken);

        // A stale version makes SaveChanges throw; the exception handler answers 409.
        db.Entry(stakeholder).Property(s => s.Version).OriginalValue = request.Version.Value;
        StakeholderRequestValidator.Apply(request, stakeholder);
        stakeholder.UpdatedAt = clock.GetUtcNow();
        db.AddIntegrationEvent(new StakeholderChanged(stakeholder.ToDetails(), stakeholder.UpdatedAt));
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Ok(await StakeholdersApi.ResponseAsync(db, id, cancellationToken));
    }
}
