using System.Reflection;

namespace Advocacy.ArchitectureTests;

/// <summary>What each project may reference, read from the compiled assemblies.</summary>
public sealed class AssemblyReferenceRules
{
    private static readonly Assembly Host = typeof(Program).Assembly;

    private static IEnumerable<string> AdvocacyReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Advocacy.", StringComparison.Ordinal));

    [Fact]
    public void Only_the_host_references_every_module()
    {
        var hostReferences = AdvocacyReferences(Host).ToHashSet();
        foreach (var module in ModuleBoundaryRules.Modules)
        {
            Assert.Contains($"Advocacy.Modules.{module}", hostReferences);
        }
    }

    [Theory]
    [MemberData(nameof(ModuleBoundaryRules.ModuleNames), MemberType = typeof(ModuleBoundaryRules))]
    public void A_module_assembly_references_only_contracts_and_building_blocks(string module)
    {
        var assembly = Assembly.Load($"Advocacy.Modules.{module}");
        var disallowed = AdvocacyReferences(assembly)
            .Where(name => name != "Advocacy.BuildingBlocks" && !name.EndsWith(".Contracts", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(disallowed);
    }

    [Theory]
    [MemberData(nameof(ModuleBoundaryRules.ModuleNames), MemberType = typeof(ModuleBoundaryRules))]
    public void A_contracts_assembly_references_only_other_contracts(string module)
    {
        // Events' contracts speak of reach in Projects' vocabulary (audience, gender); nothing else of ours.
        var assembly = Assembly.Load($"Advocacy.Modules.{module}.Contracts");
        Assert.DoesNotContain(AdvocacyReferences(assembly), name => !name.EndsWith(".Contracts", StringComparison.Ordinal));
    }
}
