using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Advocacy.ArchitectureTests;

/// <summary>
/// The rules that keep the monolith modular. Each rule is also run against a deliberately
/// violating architecture (see <see cref="Violations"/>) to show it can fail.
/// </summary>
public sealed class ModuleBoundaryRules
{
    public static readonly string[] Modules = ["Projects", "Coalitions", "Events", "Reports"];

    private static readonly System.Reflection.Assembly[] ProductAssemblies =
    [
        typeof(Program).Assembly,
        typeof(BuildingBlocks.Messaging.OutboxMessage).Assembly,
        typeof(Modules.Projects.ProjectsModule).Assembly,
        typeof(Modules.Projects.Contracts.ProjectCreated).Assembly,
        typeof(Modules.Coalitions.CoalitionsModule).Assembly,
        typeof(Modules.Coalitions.Contracts.CoalitionLevel).Assembly,
        typeof(Modules.Events.EventsModule).Assembly,
        typeof(Modules.Events.Contracts.EventKind).Assembly,
        typeof(Modules.Reports.ReportsModule).Assembly,
        System.Reflection.Assembly.Load("Advocacy.Modules.Reports.Contracts"),
        typeof(Carter.ICarterModule).Assembly,
        typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly,
    ];

    internal static readonly Architecture Product = new ArchLoader().LoadAssemblies(ProductAssemblies).Build();

    internal static readonly Architecture ProductWithViolations = new ArchLoader()
        .LoadAssemblies([.. ProductAssemblies, typeof(ModuleBoundaryRules).Assembly]).Build();

    /// <summary>A module's own types: its namespace and below, its contracts excluded.</summary>
    internal static string ModuleInternals(string module) => $@"^Advocacy\.Modules\.{module}(\.(?!Contracts(\.|$)).*)?$";

    internal static string ModuleContracts(string module) => $@"^Advocacy\.Modules\.{module}\.Contracts(\..*)?$";

    private const string AnyModuleInternals = @"^Advocacy\.Modules\.[A-Za-z]+(\.(?!Contracts(\.|$)).*)?$";

    internal static IArchRule ModuleUsesNoOtherModuleInternals(string module)
    {
        var others = string.Join("|", Modules.Where(m => m != module));
        return Types().That().ResideInNamespaceMatching(ModuleInternals(module))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching($@"^Advocacy\.Modules\.({others})(\.(?!Contracts(\.|$)).*)?$"))
            .Because($"{module} may use other modules' contracts only");
    }

    internal static IArchRule ContractsReferenceNoModuleInternals(string module) =>
        Types().That().ResideInNamespaceMatching(ModuleContracts(module))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(AnyModuleInternals)
                .Or().ResideInNamespaceMatching(@"^Advocacy\.(Host|BuildingBlocks)(\..*)?$"))
            .Because("contracts are plain records every module can take without pulling in another module")
            // Reports has no events of its own yet; an empty contracts assembly passes.
            .WithoutRequiringPositiveResults();

    internal static IArchRule NothingButTheHostKnowsTheHost() =>
        Types().That().ResideInNamespaceMatching(@"^Advocacy\.(Modules|BuildingBlocks)(\..*)?$")
            .Should().NotDependOnAny(Types().That().ResideInAssembly(typeof(Program).Assembly))
            .Because("the host composes the modules; nothing depends on it");

    internal static IArchRule BuildingBlocksKnowNoModule() =>
        Types().That().ResideInNamespaceMatching(@"^Advocacy\.BuildingBlocks(\..*)?$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"^Advocacy\.Modules(\..*)?$"))
            .Because("shared plumbing must not know any business module");

    internal static IArchRule EndpointsAreInternal() =>
        Classes().That().ImplementInterface(typeof(Carter.ICarterModule))
            .And().ResideInNamespaceMatching(@"^Advocacy\.Modules\..*$")
            .Should().NotBePublic()
            .Because("a module's HTTP endpoints are reached over HTTP, not by other code");

    internal static IArchRule DbContextsAreInternal() =>
        // The abstract base every module's context shares (per-project filters) holds no tables.
        Classes().That().AreAssignableTo(typeof(Microsoft.EntityFrameworkCore.DbContext))
            .And().ResideInNamespaceMatching(@"^Advocacy\..*$")
            .And().AreNotAbstract()
            .Should().NotBePublic()
            .Because("no module reads another module's tables");

    public static TheoryData<string> ModuleNames => new(Modules);

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_depends_on_other_modules_contracts_only(string module) =>
        ModuleUsesNoOtherModuleInternals(module).Check(Product);

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Contracts_reference_no_module_internals(string module) =>
        ContractsReferenceNoModuleInternals(module).Check(Product);

    [Fact]
    public void Only_the_host_knows_the_host() => NothingButTheHostKnowsTheHost().Check(Product);

    [Fact]
    public void Building_blocks_know_no_module() => BuildingBlocksKnowNoModule().Check(Product);

    [Fact]
    public void Endpoint_classes_are_internal_to_their_module() => EndpointsAreInternal().Check(Product);

    [Fact]
    public void DbContexts_are_internal_to_their_module() => DbContextsAreInternal().Check(Product);

    [Fact]
    public void The_rules_select_the_types_they_are_about()
    {
        // An anchored regex that matched nothing would make every rule above pass vacuously.
        foreach (var module in Modules)
        {
            Assert.NotEmpty(Types().That().ResideInNamespaceMatching(ModuleInternals(module)).GetObjects(Product));
        }
        Assert.NotEmpty(Types().That().ResideInNamespaceMatching(ModuleContracts("Projects")).GetObjects(Product));
        Assert.NotEmpty(Classes().That().ImplementInterface(typeof(Carter.ICarterModule)).GetObjects(Product));
        Assert.NotEmpty(Classes().That().AreAssignableTo(typeof(Microsoft.EntityFrameworkCore.DbContext))
            .And().ResideInNamespaceMatching(@"^Advocacy\..*$").GetObjects(Product));
    }
}
