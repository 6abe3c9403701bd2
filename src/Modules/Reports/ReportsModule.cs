using Advocacy.BuildingBlocks.Data;
using Advocacy.Modules.Reports.Activities;
using Advocacy.Modules.Reports.Advocacy;
using Advocacy.Modules.Reports.ApprovedPeriods;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.Events;
using Advocacy.Modules.Reports.Exports;
using Advocacy.Modules.Reports.Indicators;
using Advocacy.Modules.Reports.ProjectSummaries;
using FluentValidation;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Advocacy.Modules.Reports;

/// <summary>
/// The Reports module: dashboards and donor reports, built only from other modules' integration
/// events into its own read model; and the organisation's publications and their recommendations,
/// source data Reports owns (published as PublicationPublished). Owns the <c>reports</c> schema.
/// </summary>
public static class ReportsModule
{
    /// <summary>The module's PostgreSQL schema.</summary>
    public const string Schema = "reports";

    /// <summary>Registers the module's database, outbox dispatcher, validators and IATI publisher options.</summary>
    public static WebApplicationBuilder AddReportsModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddModuleDatabase<ReportsDbContext>(Schema);
        builder.Services.AddOutboxDispatcher<ReportsDbContext>();
        builder.Services.Configure<ExportOptions>(builder.Configuration.GetSection("Reports:Exports"));
        builder.Services.AddSingleton<ExportJobSignal>();
        builder.Services.AddHostedService<ExportJobRunner>();
        builder.Services.AddValidatorsFromAssembly(typeof(ReportsModule).Assembly, includeInternalTypes: true);
        builder.Services.AddScoped<BuildingBlocks.Data.IPersonalDataHolder, PersonalData.ReportsPersonalData>();
        builder.Services.AddOptions<IatiOptions>().Bind(builder.Configuration.GetSection(IatiOptions.Section));
        return builder;
    }

    /// <summary>Registers the consumers that feed the read model.</summary>
    public static IBusRegistrationConfigurator AddReportsConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ProjectCreatedConsumer>();
        bus.AddConsumer<ProjectUpdatedConsumer>();
        bus.AddConsumer<ActivityLoggedConsumer>();
        bus.AddConsumer<ActivityUpdatedConsumer>();
        bus.AddConsumer<ActivityDeletedConsumer>();
        bus.AddConsumer<IndicatorDefinedConsumer>();
        bus.AddConsumer<IndicatorMeasuredConsumer>();
        bus.AddConsumer<ReportingPeriodApprovedConsumer>();
        bus.AddConsumer<AskChangedConsumer>();
        bus.AddConsumer<ActivityOutcomeRecordedConsumer>();
        bus.AddConsumer<CommitmentChangedConsumer>();
        bus.AddConsumer<ReportingPeriodUnlockedConsumer>();
        bus.AddConsumer<EventScheduleChangedConsumer>();
        return bus;
    }
}
