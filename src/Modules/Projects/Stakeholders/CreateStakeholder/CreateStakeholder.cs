using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Stakeholders.CreateStakeholder;

internal sealed class CreateStakeholderEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        StakeholdersApi.Group(app)
            .MapPost("", Handle)
            .WithName("CreateStakeholder")
            .RequireAuthorization(Policies.Write)
            .WithSummary("Adds an institution or a person (public role only) advocacy is aimed at; a name is unique under its parent.")
            .WithValidation<StakeholderRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Created<StakeholderResponse>, ValidationProblem>> Handle(
        StakeholderRequest request, ClaimsPrincipal user, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await StakeholderRules.ParentErrorsAsync(db, request.ParentId, self: null, cancellationToken) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await StakeholderRules.EnsureNameFreeAsync(db, request.Name, request.ParentId, self: null, cancellationToken);

        var now = clock.GetUtcNow();
        var stakeholder = new Stakeholder { Id = Guid.CreateVersion7(), Name = "", CreatedBy = user.UserId(), CreatedAt = now, UpdatedAt = now };
        StakeholderRequestValidator.Apply(request, stakeholder);
        db.Stakeholders.Add(stakeholder);
        db.AddIntegrationEvent(new StakeholderChanged(stakeholder.ToDetails(), now));
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/stakeholders/{stakeholder.Id}", await StakeholdersApi.ResponseAsync(db, stakeholder.Id, cancellationToken));
    }
}
