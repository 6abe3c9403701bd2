using Advocacy.BuildingBlocks.Data;
using Advocacy.Modules.Coalitions.Data;
using Advocacy.Modules.Coalitions.KnownProjects;
using FluentValidation;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Advocacy.Modules.Coalitions;

/// <summary>
/// The Coalitions module: the coalitions and platforms the organisation belongs to, their meetings
/// and joint statements. Owns the <c>coalitions</c> schema.
/// </summary>
public static class CoalitionsModule
{
    /// <summary>The module's PostgreSQL schema.</summary>
    public const string Schema = "coalitions";

    /// <summary>Registers the module's database, outbox dispatcher and validators.</summary>
    public static WebApplicationBuilder AddCoalitionsModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddModuleDatabase<CoalitionsDbContext>(Schema);
        builder.Services.AddOutboxDispatcher<CoalitionsDbContext>();
        builder.Services.AddValidatorsFromAssembly(typeof(CoalitionsModule).Assembly, includeInternalTypes: true);
        builder.Services.AddScoped<BuildingBlocks.Data.IPersonalDataHolder, PersonalData.CoalitionsPersonalData>();
        return builder;
    }

    /// <summary>Registers the consumers that keep the module's copy of the projects it may link to.</summary>
    public static IBusRegistrationConfigurator AddCoalitionsConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<KnownProjectCreatedConsumer>();
        bus.AddConsumer<KnownProjectUpdatedConsumer>();
        return bus;
    }
}
