using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Reference;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Projects;
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Deliverables.CreateDeliverable;

/// <summary>A language version to start with, e.g. <c>{ "language": "ps" }</c> (planned unless a status is given).</summary>
internal sealed record NewLanguageVersion(string Language, LanguageVersionStatus? Status, DateOnly? PublishedOn, string? Url)
    : ILanguageVersionInput;

internal sealed record CreateDeliverableRequest(
    string Title, DeliverableKind? Kind, string? Description, List<NewLanguageVersion>? Languages);

internal sealed class CreateDeliverableValidator : AbstractValidator<CreateDeliverableRequest>
{
    /// <summary>The description column's length, as mapped in ProjectsDbContext.</summary>
    public const int DescriptionMaxLength = 4000;

    public const int MaxLanguages = 100;

    public CreateDeliverableValidator(TimeProvider clock)
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(Deliverable.TitleMaxLength);
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.Description).MaximumLength(DescriptionMaxLength);
        RuleFor(r => r.Languages).Must(l => l!.Count <= MaxLanguages).WithMessage(_ => SharedMessages.AtMostLanguages.With(MaxLanguages))
            .When(r => r.Languages is not null);
        RuleForEach(r => r.Languages).NotNull()
            .ChildRules(version => version.RuleFor(v => v.Language).Must(Languages.IsKnown)
                .WithMessage(_ => ValidationMessages.LanguageTag))
            .SetValidator(new LanguageVersionValidator(clock));
        RuleFor(r => r.Languages)
            .Must(l =>
            {
                var tags = l!.Where(v => Languages.IsKnown(v?.Language)).Select(v => DeliverablesApi.CanonicalLanguage(v.Language)).ToList();
                return tags.Distinct().Count() == tags.Count;
            })
            .WithMessage(_ => SharedMessages.LanguageListedTwice)
            .When(r => r.Languages is not null);
    }
}

internal sealed class CreateDeliverableEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        DeliverablesApi.Group(app)
            .MapPost("", Handle)
            .WithName("CreateDeliverable")
            .RequireAuthorization(Policies.Write)
            .WithValidation<CreateDeliverableRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Created<DeliverableResponse>> Handle(
        Guid projectId, CreateDeliverableRequest request, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await db.EnsureProjectExistsAsync(projectId, cancellationToken);
        var title = request.Title.Trim();
        var lowerTitle = title.ToLowerInvariant();
        if (await db.Deliverables.AnyAsync(d => d.ProjectId == projectId && d.Title.ToLower() == lowerTitle, cancellationToken))
        {
            throw new ConflictException($"The project already has a deliverable titled '{title}'.");
        }

        var now = clock.GetUtcNow();
        var deliverable = new Deliverable
        {
            Id = Guid.CreateVersion7(),
            ProjectId = projectId,
            Title = title,
            Kind = request.Kind!.Value,
            Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
            CreatedAt = now,
        };
        foreach (var input in request.Languages ?? [])
        {
            var version = new DeliverableLanguage { DeliverableId = deliverable.Id, Language = DeliverablesApi.CanonicalLanguage(input.Language) };
            LanguageVersionValidator.Apply(input, version, now);
            deliverable.Languages.Add(version);
        }
        db.Deliverables.Add(deliverable);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/projects/{projectId}/deliverables/{deliverable.Id}", DeliverableResponse.From(deliverable));
    }
}
