using Microsoft.Extensions.Configuration;

namespace Advocacy.BuildingBlocks.Messaging;

/// <summary>
/// Which modules' message work this process runs (configuration <c>Modules:Run</c>, a comma-separated list of
/// module schemas such as <c>projects,events</c>; unset: all of them). A module not run here neither consumes
/// messages nor publishes its outbox; its HTTP endpoints are still served, and the rows they commit wait in its
/// outbox for a process that runs it.
/// </summary>
public static class ModulesToRun
{
    public const string Setting = "Modules:Run";

    /// <summary>The modules named in <see cref="Setting"/>, or null when it is unset (every module runs).</summary>
    public static IReadOnlySet<string>? Named(IConfiguration configuration) =>
        configuration[Setting] is { } value && !string.IsNullOrWhiteSpace(value)
            ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(name => name.ToLowerInvariant()).ToHashSet()
            : null;

    /// <summary>Whether the module owning <paramref name="schema"/> runs in this process.</summary>
    public static bool Includes(IConfiguration configuration, string schema) =>
        Named(configuration) is not { } named || named.Contains(schema);
}
