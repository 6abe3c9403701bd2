using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Advocacy.Modules.Projects.Contracts;

namespace Advocacy.Modules.Projects.Results.DisaggregationSets;

/// <summary>A dimension typed values can be broken down by.</summary>
internal enum DisaggregationDimension
{
    Audience,
    Gender,
    AgeBand,
    Country,
}

/// <summary>
/// A breakdown defined once for the organisation and reused by indicators: a dimension and the categories
/// of it that a value is split into, e.g. "Children and professionals" (audience: children, professionals).
/// </summary>
internal sealed class DisaggregationSet
{
    public const int NameMaxLength = 200;
    public const int MaxCategories = 300;

    public Guid Id { get; init; }

    /// <summary>Unique.</summary>
    public required string Name { get; set; }

    public DisaggregationDimension Dimension { get; set; }

    /// <summary>
    /// The categories as the API spells them: "children", "female", "12-17", or ISO 3166-1 alpha-2 codes.
    /// </summary>
    public List<string> Categories { get; set; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }
}

/// <summary>The categories of each dimension, spelt as the API spells its values.</summary>
internal static class DisaggregationCategories
{
    /// <summary>Every category of a dimension with a closed list; null for country (any ISO code).</summary>
    public static IReadOnlyList<string>? Of(DisaggregationDimension dimension) => dimension switch
    {
        DisaggregationDimension.Audience => Enum.GetValues<Audience>().Select(a => Name(a)).ToList(),
        DisaggregationDimension.Gender => Enum.GetValues<Gender>().Select(g => Name(g)).ToList(),
        DisaggregationDimension.AgeBand => Enum.GetValues<AgeBand>().Select(b => Name(b)).ToList(),
        _ => null,
    };

    /// <summary>The category of <paramref name="measurement"/> on <paramref name="dimension"/>, or null when it is not sliced by it.</summary>
    public static string? Of(Measurement measurement, DisaggregationDimension dimension) => dimension switch
    {
        DisaggregationDimension.Audience => measurement.Audience is { } a ? Name(a) : null,
        DisaggregationDimension.Gender => measurement.Gender is { } g ? Name(g) : null,
        DisaggregationDimension.AgeBand => measurement.AgeBand is { } b ? Name(b) : null,
        DisaggregationDimension.Country => measurement.Country,
        _ => null,
    };

    /// <summary>The dimensions <paramref name="measurement"/> is sliced by.</summary>
    public static List<DisaggregationDimension> DimensionsOf(Measurement measurement) =>
        Enum.GetValues<DisaggregationDimension>().Where(d => Of(measurement, d) is not null).ToList();

    /// <summary>The API's spelling of an enum value: its JSON name when it has one ("12-17"), else camelCase.</summary>
    public static string Name<T>(T value) where T : struct, Enum =>
        typeof(T).GetField(value.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
        ?? JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>The dimension as the API spells it.</summary>
    public static string Name(DisaggregationDimension dimension) => JsonNamingPolicy.CamelCase.ConvertName(dimension.ToString());
}
