using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Reference;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using FluentValidation;

namespace Advocacy.Modules.Projects.Stakeholders;

/// <summary>
/// A stakeholder as staff create or edit it. A person carries only a public role: <see cref="Function"/>
/// (required), the institution as <see cref="ParentId"/>, and <see cref="Party"/>. An edit sends back the
/// <see cref="Version"/> it read.
/// </summary>
internal sealed record StakeholderRequest(
    string Name,
    StakeholderKind? Kind,
    StakeholderLevel? Level,
    string? Country = null,
    Guid? ParentId = null,
    string? Function = null,
    string? Party = null,
    uint? Version = null);

internal sealed class StakeholderRequestValidator : AbstractValidator<StakeholderRequest>
{
    public StakeholderRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(AdvocacyLimits.Name);
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.Level).NotNull().IsInEnum();
        RuleFor(r => r.Country).Must(Countries.IsKnown).When(r => r.Country is not null)
            .WithMessage(_ => SharedMessages.CountryCode);
        RuleFor(r => r.Country).NotEmpty().When(r => r.Level is StakeholderLevel.National or StakeholderLevel.Regional)
            .WithMessage(_ => ValidationMessages.StakeholderNeedsCountry);
        RuleFor(r => r.Function).NotEmpty().When(r => r.Kind == StakeholderKind.Person)
            .WithMessage(_ => ValidationMessages.PersonNeedsFunction);
        RuleFor(r => r.Function).MaximumLength(AdvocacyLimits.Name);
        RuleFor(r => r.Party).MaximumLength(AdvocacyLimits.Name);
        RuleFor(r => r.Function).Empty().When(r => r.Kind != StakeholderKind.Person)
            .WithMessage(_ => ValidationMessages.OnlyPersonFunction);
        RuleFor(r => r.Party).Empty().When(r => r.Kind != StakeholderKind.Person)
            .WithMessage(_ => ValidationMessages.OnlyPersonParty);
    }

    /// <summary>Copies validated input onto the stakeholder.</summary>
    public static void Apply(StakeholderRequest input, Stakeholder stakeholder)
    {
        stakeholder.Name = input.Name.Trim();
        stakeholder.Kind = input.Kind!.Value;
        stakeholder.Level = input.Level!.Value;
        stakeholder.Country = Input.Blank(input.Country);
        stakeholder.ParentId = input.ParentId;
        stakeholder.Function = input.Kind == StakeholderKind.Person ? Input.Blank(input.Function) : null;
        stakeholder.Party = input.Kind == StakeholderKind.Person ? Input.Blank(input.Party) : null;
    }
}

/// <summary>The rules a stakeholder's place among the others needs: its parent, and its name under that parent.</summary>
internal static class StakeholderRules
{
    /// <summary>How deep institutions nest (a person in a committee of a parliament is three).</summary>
    public const int MaxDepth = 8;

    /// <summary>
    /// Per-field errors for the parent of <paramref name="self"/> (null when creating): it must exist, not be a
    /// person, and not be the stakeholder itself or one of the institutions below it.
    /// </summary>
    public static async Task<Dictionary<string, string[]>?> ParentErrorsAsync(
        ProjectsDbContext db, Guid? parentId, Guid? self, CancellationToken cancellationToken)
    {
        if (parentId is null)
        {
            return null;
        }
        var seen = new HashSet<Guid>();
        Guid? current = parentId;
        var depth = 0;
        while (current is { } id)
        {
            if (id == self)
            {
                return AdvocacyLimits.Error("parentId", "A stakeholder cannot belong to itself or to one of the institutions under it.");
            }
            var parent = await db.Stakeholders.AsNoTracking().Where(s => s.Id == id)
                .Select(s => new { s.Kind, s.ParentId }).SingleOrDefaultAsync(cancellationToken);
            if (parent is null)
            {
                return AdvocacyLimits.Error("parentId", $"Unknown stakeholder: {id}.");
            }
            if (id == parentId && parent.Kind == StakeholderKind.Person)
            {
                return AdvocacyLimits.Error("parentId", "A person cannot be the institution another stakeholder belongs to.");
            }
            if (!seen.Add(id) || ++depth > MaxDepth)
            {
                return AdvocacyLimits.Error("parentId", $"Institutions nest at most {MaxDepth} deep.");
            }
            current = parent.ParentId;
        }
        return null;
    }

    /// <summary>Throws 409 when another stakeholder under the same parent has the same name (any case).</summary>
    public static async Task EnsureNameFreeAsync(
        ProjectsDbContext db, string name, Guid? parentId, Guid? self, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim().ToLower();
        if (await db.Stakeholders.AnyAsync(s => s.ParentId == parentId && s.Name.ToLower() == trimmed && s.Id != self, cancellationToken))
        {
            throw new ConflictException(parentId is null
                ? $"A stakeholder named '{name.Trim()}' already exists."
                : $"The institution already has a stakeholder named '{name.Trim()}'.");
        }
    }
}
