using Advocacy.BuildingBlocks.Data;
using Advocacy.Modules.Events.Data;
using Advocacy.Modules.Events.KnownProjects;
using FluentValidation;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Advocacy.Modules.Events;

/// <summary>
/// The Events module: trainings, conferences, awareness days, hearings and presentations, their
/// sessions, participants and attendance. Owns the <c>events</c> schema.
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
        builder.Services.AddScoped<IPersonalDataHolder, Participants.PersonalData.EventsPersonalData>();
        builder.Services.AddHostedService<Participants.PersonalData.ParticipantRetention>();
        return builder;
    }

    /// <summary>Registers the consumers that keep Events' copy of the projects events may be linked to.</summary>
    public static IBusRegistrationConfigurator AddEventsConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ProjectCreatedConsumer>();
        bus.AddConsumer<ProjectUpdatedConsumer>();
        bus.AddConsumer<Messaging.ReplayForReportsConsumer>();
        return bus;
    }
}
