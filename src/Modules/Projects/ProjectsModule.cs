using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Data;
using Advocacy.Modules.Projects.Assignments;
using Advocacy.Modules.Projects.Activities.FromOtherModules;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Messaging;
using FluentValidation;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Advocacy.Modules.Projects;

/// <summary>
/// The Projects module: projects, their results frameworks and the activity log.
/// Owns the <c>projects</c> schema.
/// </summary>
public static class ProjectsModule
{
    /// <summary>The module's PostgreSQL schema.</summary>
    public const string Schema = "projects";

    /// <summary>Registers the module's database, outbox dispatcher and validators.</summary>
    public static WebApplicationBuilder AddProjectsModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddModuleDatabase<ProjectsDbContext>(Schema);
        builder.Services.AddOutboxDispatcher<ProjectsDbContext>();
        builder.Services.AddValidatorsFromAssembly(typeof(ProjectsModule).Assembly, includeInternalTypes: true);
        builder.Services.AddScoped<IProjectAssignments, ProjectAssignments>();
        builder.Services.AddScoped<BuildingBlocks.Data.IPersonalDataHolder, PersonalData.ProjectsPersonalData>();
        return builder;
    }

    /// <summary>Registers the consumers that turn other modules' work into project activities.</summary>
    public static IBusRegistrationConfigurator AddProjectsConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<EventHeldConsumer>();
        bus.AddConsumer<HeldEventUpdatedConsumer>();
        bus.AddConsumer<EventWithdrawnConsumer>();
        bus.AddConsumer<CoalitionMeetingAttendedConsumer>();
        bus.AddConsumer<StatementSignedConsumer>();
        bus.AddConsumer<PublicationPublishedConsumer>();
        bus.AddConsumer<ReplayForReportsConsumer>();
        return bus;
    }
}
