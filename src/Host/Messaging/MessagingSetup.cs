using Advocacy.BuildingBlocks.Messaging;
using MassTransit;

namespace Advocacy.Host.Messaging;

/// <summary>Where the bus runs: <c>Messaging:RabbitMq</c>, used when <c>Messaging:Transport</c> is <c>RabbitMq</c>.</summary>
internal sealed class RabbitMqOptions
{
    public const string Section = "Messaging:RabbitMq";

    public string Host { get; set; } = "localhost";

    public ushort Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";
}

internal static class MessagingSetup
{
    /// <summary>
    /// MassTransit 8 with the consumers of the modules this process runs (<see cref="ModulesToRun"/>), on the
    /// in-memory transport (one process runs every module) or, with <c>Messaging:Transport=RabbitMq</c>, on
    /// RabbitMQ (modules spread over several processes). Endpoint names include the consumer's namespace, so
    /// consumers of the same name in two modules never share a queue.
    /// </summary>
    public static WebApplicationBuilder AddMessaging(
        this WebApplicationBuilder builder, params (string Schema, Action<IBusRegistrationConfigurator> AddConsumers)[] modules)
    {
        var rabbitMq = MessagingTransport.IsRabbitMq(builder.Configuration);
        var named = ModulesToRun.Named(builder.Configuration);
        if (named is not null)
        {
            var unknown = named.Except(modules.Select(m => m.Schema)).ToList();
            if (unknown.Count > 0)
            {
                throw new InvalidOperationException(
                    $"{ModulesToRun.Setting} names unknown modules ({string.Join(", ", unknown)}); known: {string.Join(", ", modules.Select(m => m.Schema))}.");
            }
            if (!rabbitMq)
            {
                // In memory, a message whose consumers run in another process would be marked sent and lost.
                throw new InvalidOperationException(
                    $"{ModulesToRun.Setting} runs some modules only: set {MessagingTransport.Setting}=RabbitMq so the others, elsewhere, receive their messages.");
            }
        }

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(prefix: null, includeNamespace: true));
            foreach (var module in modules.Where(m => named is null || named.Contains(m.Schema)))
            {
                module.AddConsumers(bus);
            }
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
                // A consumer that fails (the database restarting, a lock timeout) is retried before the
                // message is given up; its inbox makes each retry safe. A host shutting down (its services
                // disposed) is not retried: that would keep the stopping bus busy for minutes, and the
                // outbox sends the message again at the next start.
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Exponential(8, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));
                    retry.Ignore<ObjectDisposedException>();
                }));
            if (rabbitMq)
            {
                var options = builder.Configuration.GetSection(RabbitMqOptions.Section).Get<RabbitMqOptions>() ?? new RabbitMqOptions();
                bus.UsingRabbitMq((context, transport) =>
                {
                    transport.Host(options.Host, options.Port, options.VirtualHost, host =>
                    {
                        host.Username(options.Username);
                        host.Password(options.Password);
                    });
                    transport.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, transport) => transport.ConfigureEndpoints(context));
            }
        });
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return builder;
    }
}
