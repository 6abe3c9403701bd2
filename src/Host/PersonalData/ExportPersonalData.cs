using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Host.Identity;
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Host.PersonalData;

/// <summary>What one module holds on the person: its records, and the audit entries by or naming them.</summary>
internal sealed record ModulePersonalData(
    string Module, IReadOnlyList<PersonalDataRecord> Records, IReadOnlyList<PersonalDataRecord> AuditEntries, long AuditEntriesTotal);

/// <summary>All data held on one person, module by module (GDPR article 15).</summary>
internal sealed record PersonalDataExport(string? UserId, IReadOnlyList<string> Names, DateTimeOffset ExportedAt, IReadOnlyList<ModulePersonalData> Modules);

/// <summary>The admin's export of everything the platform holds on one person, gathered from every module.</summary>
internal sealed class ExportPersonalDataEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/personal-data", Handle)
            .WithName("ExportPersonalData")
            .WithTags("Administration")
            .RequireAuthorization(Policies.Admin)
            .WithSummary("All data held on one person (by email, user id or name), from every module, as JSON; the export is audited.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<PersonalDataExport>, ValidationProblem>> Handle(
        IdentityDb identity, IEnumerable<IPersonalDataHolder> holders, IValidator<DataSubjectRequest> validator, IConfiguration configuration,
        HttpContext http, TimeProvider clock, CancellationToken cancellationToken, string? email = null, string? userId = null, string? name = null)
    {
        var request = new DataSubjectRequest(email, userId, name);
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }
        if (await request.ResolveAsync(identity, cancellationToken) is not { } subject)
        {
            throw new NotFoundException("User", request.UserId!);
        }

        var owner = ModuleDatabaseRegistration.OwnerConnectionString(configuration);
        var modules = new List<ModulePersonalData>();
        foreach (var holder in holders)
        {
            var records = await holder.ExportAsync(subject, cancellationToken);
            var (audit, total) = await AuditTrailPersonalData.ExportAsync(owner, holder.Schema, subject, cancellationToken);
            modules.Add(new ModulePersonalData(holder.Schema, records, audit, total));
        }
        identity.Add(PersonalDataAudit.Entry(http, clock, "exported", subject.AuditKey,
            modules.ToDictionary(m => m.Module, m => m.Records.Count)));
        await identity.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new PersonalDataExport(subject.UserId, subject.Names, clock.GetUtcNow(), modules));
    }
}
