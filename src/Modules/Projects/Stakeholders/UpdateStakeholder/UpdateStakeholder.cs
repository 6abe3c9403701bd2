using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.ReportingPeriods;
using Advocacy.Modules.Projects.Results.Rules;
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
            .WithDescription("A new kind recounts the indicators whose rules count stakeholders of a kind; 409 when that would move "
                + "a computed value of an approved reporting period.")
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
        // A stakeholder belongs to the organisation: a new kind recounts every project's rules that name it.
        db.SeeAllProjects();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
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

        var recount = request.Kind != stakeholder.Kind ? await CountedDaysAsync(db, id, cancellationToken) : new ActivityTouches();
        var checks = new List<PeriodLockCheck>();
        foreach (var projectId in recount.All.Select(t => t.ProjectId).Distinct().Order())
        {
            checks.Add(await db.WatchComputedAsync(projectId, cancellationToken));
        }

        // A stale version makes SaveChanges throw; the exception handler answers 409.
        db.Entry(stakeholder).Property(s => s.Version).OriginalValue = request.Version.Value;
        StakeholderRequestValidator.Apply(request, stakeholder);
        stakeholder.UpdatedAt = clock.GetUtcNow();
        db.AddIntegrationEvent(new StakeholderChanged(stakeholder.ToDetails(), stakeholder.UpdatedAt));
        await db.SaveActivityChangesAsync(recount, stakeholder.UpdatedAt, cancellationToken);
        foreach (var check in checks)
        {
            await check.EnsureComputedUnchangedAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Ok(await StakeholdersApi.ResponseAsync(db, id, cancellationToken));
    }

    /// <summary>
    /// The projects and days where rules may count the stakeholder by its kind: the activities whose outcome
    /// addressed it, and the commitments it made (on their activity's day and the days they changed status).
    /// </summary>
    private static async Task<ActivityTouches> CountedDaysAsync(ProjectsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var touched = new ActivityTouches();
        var addressed = await db.ActivityOutcomes.Where(o => o.Stakeholders.Any(s => s.StakeholderId == id))
            .Join(db.Activities, o => o.ActivityId, a => a.Id, (_, a) => new { a.ProjectId, a.Date })
            .Distinct().ToListAsync(cancellationToken);
        var committed = await db.Commitments.Where(c => c.StakeholderId == id)
            .Join(db.Activities, c => c.ActivityId, a => a.Id, (c, a) => new { a.ProjectId, a.Date, Changes = c.History.Select(h => h.ChangedOn).ToList() })
            .ToListAsync(cancellationToken);
        foreach (var day in addressed)
        {
            touched.Add(day.ProjectId, day.Date);
        }
        foreach (var commitment in committed)
        {
            touched.Add(commitment.ProjectId, commitment.Date);
            foreach (var changedOn in commitment.Changes)
            {
                touched.Add(commitment.ProjectId, changedOn);
            }
        }
        return touched;
    }
}
