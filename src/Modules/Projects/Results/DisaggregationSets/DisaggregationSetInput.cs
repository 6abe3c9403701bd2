using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Reference;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Data;
using FluentValidation;

namespace Advocacy.Modules.Projects.Results.DisaggregationSets;

internal static class DisaggregationSetsApi
{
    /// <summary>The organisation's disaggregation sets, reused across projects' indicators.</summary>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/disaggregation-sets").WithTags("Results framework");

    public static async Task<DisaggregationSet> FindAsync(ProjectsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.DisaggregationSets.SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
        ?? throw new NotFoundException("Disaggregation set", id);

    /// <summary>409 when another set already has <paramref name="name"/> (compared without case).</summary>
    public static async Task EnsureNameIsFreeAsync(ProjectsDbContext db, string name, Guid? exceptId, CancellationToken cancellationToken)
    {
        var lower = name.ToLowerInvariant();
        if (await db.DisaggregationSets.AnyAsync(s => s.Name.ToLower() == lower && s.Id != exceptId, cancellationToken))
        {
            throw new ConflictException($"A disaggregation set named '{name}' already exists: reuse it, or choose another name.");
        }
    }
}

/// <summary>
/// A disaggregation set as staff define or edit it: a name, a dimension (audience, gender, ageBand, country)
/// and the categories of it values are split into (for country, ISO 3166-1 alpha-2 codes). An edit sends
/// back the <see cref="Version"/> it read.
/// </summary>
internal sealed record DisaggregationSetRequest(string Name, DisaggregationDimension? Dimension, List<string>? Categories, uint? Version = null)
{
    /// <summary>The categories as stored: each dimension's own spelling ("policyMakers", "12-17", "BE"), first mention first.</summary>
    public List<string> NormalizedCategories() =>
        (Categories ?? []).Select(c => DisaggregationSetRequestValidator.Normalize(Dimension!.Value, c)!).Distinct().ToList();
}

internal sealed class DisaggregationSetRequestValidator : AbstractValidator<DisaggregationSetRequest>
{
    public DisaggregationSetRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(DisaggregationSet.NameMaxLength);
        RuleFor(r => r.Dimension).NotNull().IsInEnum();
        RuleFor(r => r.Categories).NotEmpty().WithMessage(_ => ValidationMessages.NameCategories)
            .Must(c => c is null || c.Count <= DisaggregationSet.MaxCategories).WithMessage(_ => ValidationMessages.AtMostCategories.With(DisaggregationSet.MaxCategories));
        When(r => r.Dimension is not null && Enum.IsDefined(r.Dimension.Value) && r.Categories is not null, () =>
        {
            RuleForEach(r => r.Categories).Must((r, c) => Normalize(r.Dimension!.Value, c) is not null)
                .WithMessage((r, c) => DisaggregationCategories.Of(r.Dimension!.Value) is { } known
                    ? ValidationMessages.UnknownCategoryUse.With(c, DisaggregationCategories.Name(r.Dimension!.Value), string.Join(", ", known))
                    : ValidationMessages.UnknownCategoryCountry.With(c, DisaggregationCategories.Name(r.Dimension!.Value)));
            RuleFor(r => r.Categories)
                .Must((r, c) => c!.Select(x => Normalize(r.Dimension!.Value, x)).Distinct().Count() == c!.Count)
                .WithMessage(_ => ValidationMessages.CategoryOnce);
        });
    }

    /// <summary>The category in the dimension's own spelling, or null when the dimension has no such category.</summary>
    public static string? Normalize(DisaggregationDimension dimension, string? category)
    {
        if (string.IsNullOrWhiteSpace(category))
        {
            return null;
        }
        var trimmed = category.Trim();
        if (DisaggregationCategories.Of(dimension) is { } known)
        {
            return known.FirstOrDefault(k => string.Equals(k, trimmed, StringComparison.OrdinalIgnoreCase));
        }
        var code = trimmed.ToUpperInvariant();
        return Countries.IsKnown(code) ? code : null;
    }
}

/// <summary>A disaggregation set as the API returns it, with how many indicators use it.</summary>
internal sealed record DisaggregationSetResponse(
    Guid Id, string Name, DisaggregationDimension Dimension, List<string> Categories, int IndicatorCount, DateTimeOffset CreatedAt, uint Version)
{
    public static DisaggregationSetResponse From(DisaggregationSet s, int indicatorCount) =>
        new(s.Id, s.Name, s.Dimension, s.Categories.ToList(), indicatorCount, s.CreatedAt, s.Version);
}
