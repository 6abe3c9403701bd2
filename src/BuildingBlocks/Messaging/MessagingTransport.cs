using Microsoft.Extensions.Configuration;

namespace Advocacy.BuildingBlocks.Messaging;

/// <summary>
/// The bus's transport (configuration <c>Messaging:Transport</c>): <c>InMemory</c>, the default, when one
/// process runs every module; <c>RabbitMq</c> when modules run in several processes.
/// </summary>
public static class MessagingTransport
{
    public const string Setting = "Messaging:Transport";

    /// <summary>Whether the bus runs on RabbitMQ, which keeps published messages across a crash.</summary>
    public static bool IsRabbitMq(IConfiguration configuration) =>
        configuration[Setting] switch
        {
            null or "" => false,
            var transport when transport.Equals("InMemory", StringComparison.OrdinalIgnoreCase) => false,
            var transport when transport.Equals("RabbitMq", StringComparison.OrdinalIgnoreCase) => true,
            var transport => throw new InvalidOperationException(
                $"{Setting}={transport} is not a transport: use InMemory (the default) or RabbitMq."),
        };
}
