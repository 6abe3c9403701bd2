using MassTransit;

namespace Advocacy.Host.Messaging;

internal static class MessagingSetup
{
    /// <summary>
    /// MassTransit 8 on the in-memory transport, with each module's consumers. Endpoint names include
    /// the consumer's namespace, so consumers of the same name in two modules never share a queue.
    /// </summary>
    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder, Action<IBusRegistrationConfigurator> addConsumers)
    {
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(prefix: null, includeNamespace: true));
            addConsumers(bus);
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
            bus.UsingInMemory((context, transport) => transport.ConfigureEndpoints(context));
        });
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return builder;
    }
}
