using ArchUnitNET.Fluent;
using Advocacy.ArchitectureTests;

// Types that break each rule on purpose. They live in this test assembly, which is loaded only into
// ModuleBoundaryRules.ProductWithViolations, so the rules can be seen to fail.

namespace Advocacy.Modules.Coalitions.Violations
{
    /// <summary>Coalitions reaching into Projects' module type (not its contracts); also a public endpoint.</summary>
    public sealed class UsesProjectsInternals : Carter.ICarterModule
    {
        public void AddRoutes(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder app) =>
            _ = typeof(Advocacy.Modules.Projects.ProjectsModule).Name;
    }

    /// <summary>A public DbContext in a module.</summary>
    public sealed class PublicDbContext : Microsoft.EntityFrameworkCore.DbContext;
}

namespace Advocacy.Modules.Events.Contracts.Violations
{
    /// <summary>A contract that pulls in a module's internals.</summary>
    public sealed record LeakyContract(Advocacy.Modules.Events.EventsModuleMarker Marker);
}

namespace Advocacy.Modules.Events
{
    public sealed class EventsModuleMarker;
}

namespace Advocacy.BuildingBlocks.Violations
{
    /// <summary>Shared plumbing that knows a module and the host.</summary>
    public static class KnowsTooMuch
    {
        public static string Names() => typeof(Advocacy.Modules.Reports.ReportsModule).Name + typeof(Program).Name;
    }
}

namespace Advocacy.ArchitectureTests
{
    public sealed class EveryRuleCanFail
    {
        private static void AssertFails(IArchRule rule) =>
            Assert.False(rule.HasNoViolations(ModuleBoundaryRules.ProductWithViolations), $"The rule passed a deliberate violation: {rule.Description}");

        [Fact]
        public void Module_dependency_rule_catches_a_reach_into_another_module() =>
            AssertFails(ModuleBoundaryRules.ModuleUsesNoOtherModuleInternals("Coalitions"));

        [Fact]
        public void Contracts_rule_catches_a_contract_using_module_internals() =>
            AssertFails(ModuleBoundaryRules.ContractsReferenceNoModuleInternals("Events"));

        [Fact]
        public void Host_rule_catches_a_dependency_on_the_host() =>
            AssertFails(ModuleBoundaryRules.NothingButTheHostKnowsTheHost());

        [Fact]
        public void Building_blocks_rule_catches_a_dependency_on_a_module() =>
            AssertFails(ModuleBoundaryRules.BuildingBlocksKnowNoModule());

        [Fact]
        public void Endpoint_rule_catches_a_public_endpoint() =>
            AssertFails(ModuleBoundaryRules.EndpointsAreInternal());

        [Fact]
        public void DbContext_rule_catches_a_public_context() =>
            AssertFails(ModuleBoundaryRules.DbContextsAreInternal());
    }
}
