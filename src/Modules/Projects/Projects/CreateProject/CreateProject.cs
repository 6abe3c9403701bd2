using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Advocacy.Modules.Projects.Projects.CreateProject;

internal sealed record CreateProjectRequest(string Code, string Name, ProjectLevel? Level, DateOnly? StartDate, DateOnly? EndDate);

internal sealed class CreateProjectValidator : AbstractValidator<CreateProjectRequest>
{
    public CreateProjectValidator()
    {
        RuleFor(r => r.Code).NotEmpty().MaximumLength(Project.CodeMaxLength)
            .Matches("^[A-Za-z0-9][A-Za-z0-9_-]*$").WithMessage("Code may hold only letters, digits, '-' and '_'.");
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Project.NameMaxLength);
        RuleFor(r => r.Level).NotNull().IsInEnum();
        RuleFor(r => r.StartDate).NotNull()
            .InclusiveBetween(new DateOnly(1990, 1, 1), new DateOnly(2100, 12, 31));
        RuleFor(r => r.EndDate).GreaterThanOrEqualTo(r => r.StartDate)
            .When(r => r.EndDate is not null && r.StartDate is not null)
            .WithMessage("End date must not be before the start date.");
    }
}

internal sealed class CreateProjectEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        ProjectsApi.Group(app)
            .MapPost("", Handle)
            .WithName("CreateProject")
            .RequireAuthorization(Policies.Write)
            .WithValidation<CreateProjectRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Created<ProjectResponse>> Handle(
        CreateProjectRequest request, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var code = request.Code.Trim().ToUpperInvariant();
        if (await db.Projects.AnyAsync(p => p.Code == code, cancellationToken))
        {
            throw new ConflictException($"A project with code '{code}' already exists.");
        }

        var project = new Project
        {
            Id = Guid.CreateVersion7(),
            Code = code,
            Name = request.Name.Trim(),
            Level = request.Level!.Value,
            StartDate = request.StartDate!.Value,
            EndDate = request.EndDate,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Projects.Add(project);
        db.AddIntegrationEvent(new ProjectCreated(
            project.Id, project.Code, project.Name, project.Level, project.StartDate, project.EndDate, project.CreatedAt));
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/projects/{project.Id}", ProjectResponse.From(project));
    }
}
