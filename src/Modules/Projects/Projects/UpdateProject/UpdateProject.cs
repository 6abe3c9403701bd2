using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Projects.UpdateProject;

/// <summary>The whole project as it should now be, with the <see cref="Version"/> the editor read.</summary>
internal sealed record UpdateProjectRequest(
    string Code,
    string Name,
    string? Summary,
    ProjectLevel? Level,
    ProjectStatus? Status,
    DateOnly? StartDate,
    DateOnly? EndDate,
    List<string>? Countries,
    List<OrganisationInput>? Organisations,
    decimal? BudgetAmount,
    string? BudgetCurrency,
    List<string>? ResponsibleStaffIds,
    uint? Version) : IProjectInput;

internal sealed class UpdateProjectValidator : AbstractValidator<UpdateProjectRequest>
{
    public UpdateProjectValidator(IUserDirectory users)
    {
        Include(new ProjectInputValidator(users));
        RuleFor(r => r.Version).NotNull().WithMessage("Send the version you read, so a concurrent edit is not overwritten.");
    }
}

internal sealed class UpdateProjectEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ProjectsApi.Group(app)
            .MapPut("{id:guid}", Handle)
            .WithName("UpdateProject")
            .RequireAuthorization(Policies.Write)
            .WithValidation<UpdateProjectRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<ProjectResponse>> Handle(
        Guid id, UpdateProjectRequest request, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("Project", id);
        var code = request.Code.Trim().ToUpperInvariant();
        if (code != project.Code && await db.Projects.AnyAsync(p => p.Code == code, cancellationToken))
        {
            throw new ConflictException($"A project with code '{code}' already exists.");
        }

        // The version the editor read: if the row has moved on since, SaveChanges throws and the answer is 409.
        db.Entry(project).Property(p => p.Version).OriginalValue = request.Version!.Value;
        ProjectInputValidator.Apply(request, project);
        project.UpdatedAt = clock.GetUtcNow();
        db.AddIntegrationEvent(new ProjectUpdated(project.ToDetails(), project.UpdatedAt));
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Ok(ProjectResponse.From(project));
    }
}
