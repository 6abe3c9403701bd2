using Advocacy.BuildingBlocks.Data;
using Advocacy.Modules.Events.Data;
using FluentValidation;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Advocacy.Modules.Events;

/// <summary>
/// The Events module: trainings, conferences, awareness days, hearings and presentations, their
/// sessions and attendance. Owns the <c>events</c> schema.
/// </summary>
public static class EventsModule
{
    /// <summary>The module's PostgreSQL schema.</summary>
    public const string Schema = "events";

    /// <summary>Registers the module's database, outbox dispatcher and validators.</summary>
    public static WebApplicationBuilder AddEventsModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddModuleDatabase<EventsDbContext>(Schema);
        builder.Services.AddOutboxDispatcher<EventsDbContext>();
        builder.Services.AddValidatorsFromAssembly(typeof(EventsModule).Assembly, includeInternalTypes: true);
        return builder;
    }

    /// <summary>Registers the module's message consumers on the bus (none yet).</summary>
    public static IBusRegistrationConfigurator AddEventsConsumers(this IBusRegistrationConfigurator bus) => bus;
}
