using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Reference;
using Advocacy.Modules.Projects.Data;
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Deliverables.SetLanguageVersion;

/// <summary>Where the language version stands now.</summary>
internal sealed record SetLanguageVersionRequest(LanguageVersionStatus? Status, DateOnly? PublishedOn, string? Url) : ILanguageVersionInput;

internal sealed class SetLanguageVersionValidator : AbstractValidator<SetLanguageVersionRequest>
{
    public SetLanguageVersionValidator(TimeProvider clock)
    {
        RuleFor(r => r.Status).NotNull();
        Include(new LanguageVersionValidator(clock));
    }
}

internal sealed class SetLanguageVersionEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        DeliverablesApi.Group(app)
            .MapPut("{deliverableId:guid}/languages/{language}", Handle)
            .WithName("SetLanguageVersion")
            .RequireAuthorization(Policies.Write)
            .WithValidation<SetLanguageVersionRequest>()
            .WithSummary("Adds the deliverable's version in a language (201), or updates its status (200).")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Created<LanguageVersionResponse>, Ok<LanguageVersionResponse>, ValidationProblem>> Handle(
        Guid projectId,
        Guid deliverableId,
        string language,
        SetLanguageVersionRequest request,
        ProjectsDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var deliverable = await DeliverablesApi.FindDeliverableAsync(db, projectId, deliverableId, cancellationToken);
        if (!Languages.IsKnown(language))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["language"] = [$"'{language}' is not a known BCP 47 language tag (e.g. fr, nl, ps, pcm)."],
            });
        }
        var tag = DeliverablesApi.CanonicalLanguage(language);
        var versions = db.Set<DeliverableLanguage>();
        var version = await versions.SingleOrDefaultAsync(l => l.DeliverableId == deliverable.Id && l.Language == tag, cancellationToken);
        var isNew = version is null;
        if (version is null)
        {
            version = new DeliverableLanguage { DeliverableId = deliverable.Id, Language = tag };
            versions.Add(version);
        }
        LanguageVersionValidator.Apply(request, version, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);

        var response = LanguageVersionResponse.From(version);
        return isNew
            ? TypedResults.Created($"/api/projects/{projectId}/deliverables/{deliverable.Id}/languages/{tag}", response)
            : TypedResults.Ok(response);
    }
}
