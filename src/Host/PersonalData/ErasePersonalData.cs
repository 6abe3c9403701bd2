using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.Host.Identity;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Host.PersonalData;

/// <summary>What an erasure changed, module by module: rows per table.column (GDPR article 17).</summary>
internal sealed record PersonalDataErasure(string? UserId, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Changed);

/// <summary>
/// The admin's erasure of one person: every module anonymises them in its own schema (keeping every record, so every
/// total stays), then the account is anonymised and locked, then the audit trails and outboxes are rid of the
/// person's names through the owner's connection (ADR 0021). Each step is audited; running it again changes nothing.
/// </summary>
internal sealed class ErasePersonalDataEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/admin/personal-data/erase", Handle)
            .WithName("ErasePersonalData")
            .WithTags("Administration")
            .RequireAuthorization(Policies.Admin)
            .WithValidation<DataSubjectRequest>()
            .WithSummary("Anonymises one person (by email, user id or name) everywhere, keeping every total; audited and idempotent.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<PersonalDataErasure>, ValidationProblem>> Handle(
        DataSubjectRequest request, IdentityDb identity, IEnumerable<IPersonalDataHolder> holders, IEnumerable<IModuleDatabase> databases,
        IConfiguration configuration, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await request.ResolveAsync(identity, cancellationToken) is not { } subject)
        {
            throw new NotFoundException("User", request.UserId!);
        }
        if (subject.UserId is not null && subject.UserId == http.User.UserId())
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["subject"] = ["An admin cannot erase their own account."] });
        }

        var changed = new Dictionary<string, IReadOnlyDictionary<string, int>>();
        // The account last among the holders (they found the person by its names already); the audit trails after all
        // holders, so the holders' own erasure entries are written before anyone looks for names in the trail.
        foreach (var holder in holders.OrderBy(h => h is IdentityPersonalData))
        {
            changed[holder.Schema] = await holder.EraseAsync(subject, cancellationToken);
        }
        var owner = ModuleDatabaseRegistration.OwnerConnectionString(configuration);
        foreach (var database in databases)
        {
            var scrubbed = await AuditTrailPersonalData.EraseAsync(owner, database.Schema, subject,
                counts => PersonalDataAudit.Entry(http, clock, "scrubbed", subject.AuditKey, counts), cancellationToken);
            changed[$"{database.Schema} (audit trail, outbox)"] = scrubbed;
        }
        return TypedResults.Ok(new PersonalDataErasure(subject.UserId, changed));
    }
}
