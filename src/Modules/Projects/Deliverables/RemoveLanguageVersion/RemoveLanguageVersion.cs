using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Reference;
using Advocacy.Modules.Projects.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Projects.Deliverables.RemoveLanguageVersion;

internal sealed class RemoveLanguageVersionEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        DeliverablesApi.Group(app)
            .MapDelete("{deliverableId:guid}/languages/{language}", Handle)
            .WithName("RemoveLanguageVersion")
            .RequireAuthorization(Policies.Write)
            .WithSummary("Removes the deliverable's version in a language, e.g. a translation dropped from the plan.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<NoContent> Handle(
        Guid projectId, Guid deliverableId, string language, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        var deliverable = await DeliverablesApi.FindDeliverableAsync(db, projectId, deliverableId, cancellationToken);
        var tag = Languages.IsKnown(language) ? DeliverablesApi.CanonicalLanguage(language) : language;
        // Loaded and removed through the change tracker, so the audit trail records what was removed.
        var version = await db.Set<DeliverableLanguage>()
            .SingleOrDefaultAsync(l => l.DeliverableId == deliverable.Id && l.Language == tag, cancellationToken)
            ?? throw new NotFoundException("Language version", tag);
        db.Remove(version);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
