using Advocacy.Host;
using Advocacy.Host.Identity;
using Advocacy.Host.Messaging;
using Advocacy.Host.PersonalData;
using Advocacy.Host.Startup;
using Advocacy.Host.Web;
using Advocacy.Modules.Coalitions;
using Advocacy.Modules.Events;
using Advocacy.Modules.Projects;
using Advocacy.Modules.Reports;
using Carter;

var builder = WebApplication.CreateBuilder(args);

// Hosted services start in registration order and stop in reverse. Database start-up comes first, so
// migrations run before anything reads a table (Data Protection reads its keys at start); the bus
// comes before the modules, so their outbox dispatchers drain before it stops.
builder.AddDatabaseStartup();
builder.AddHttpConventions();
builder.AddWebHardening();
builder.AddAdvocacyIdentity();
builder.AddPersonalData();
builder.AddWebUi();
// Modules:Run may give this process only some of the modules' consumers and outbox dispatchers (ADR 0020).
builder.AddMessaging(
    (ProjectsModule.Schema, bus => bus.AddProjectsConsumers()),
    (CoalitionsModule.Schema, bus => bus.AddCoalitionsConsumers()),
    (EventsModule.Schema, bus => bus.AddEventsConsumers()),
    (ReportsModule.Schema, bus => bus.AddReportsConsumers()));

builder.AddProjectsModule();
builder.AddCoalitionsModule();
builder.AddEventsModule();
builder.AddReportsModule();

builder.Services.AddCarter(configurator: carter => carter.WithModules(EndpointModules.In(
    typeof(ProjectsModule).Assembly,
    typeof(CoalitionsModule).Assembly,
    typeof(EventsModule).Assembly,
    typeof(ReportsModule).Assembly,
    typeof(Program).Assembly)));

var app = builder.Build();

if (args.Contains("--migrate-only"))
{
    await DatabaseStartup.MigrateAsync(app.Services, app.Lifetime.ApplicationStopping);
    return;
}

app.UseHttpConventions();
app.UseWebHardening();
app.UseWebUi();
app.UseAuthentication();
app.UseAuthorization();
// After authentication, so the API's limit is counted per user.
app.UseRateLimiter();
app.MapCarter();
app.MapWebUi();
app.MapOperationalEndpoints();

await app.RunAsync();

/// <summary>The host's entry point, public so integration tests can start it.</summary>
public partial class Program;
