using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Advocacy.IntegrationTests.Infrastructure;

/// <summary>
/// Completes when a module's consumer has finished consuming a given message id, using MassTransit's
/// own consume observer: a test knows a redelivery was handled without sleeping. Several modules may
/// consume the same message; the module is recognised by its receive endpoint's name, which carries
/// the consumer's namespace ("advocacy-modules-reports-...").
/// </summary>
public sealed class ConsumedProbe : IConsumeObserver, IDisposable
{
    private readonly Guid _messageId;
    private readonly string _module;
    private readonly TaskCompletionSource _consumed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConnectHandle _handle;

    private ConsumedProbe(IBus bus, Guid messageId, string module)
    {
        _messageId = messageId;
        _module = $"advocacy-modules-{module.ToLowerInvariant()}-";
        _handle = bus.ConnectConsumeObserver(this);
    }

    /// <param name="module">The consuming module, e.g. "Reports".</param>
    public static ConsumedProbe For(IBus bus, Guid messageId, string module) => new(bus, messageId, module);

    private bool IsAwaited<T>(ConsumeContext<T> context) where T : class =>
        context.MessageId == _messageId && context.ReceiveContext.InputAddress.AbsolutePath.Contains(_module, StringComparison.Ordinal);

    public Task WaitAsync() => _consumed.Task.WaitAsync(Eventually.DefaultTimeout);

    /// <summary>Publishes as an outbox would (with the given message id) and waits until <paramref name="module"/> has consumed it.</summary>
    public static async Task PublishAndWaitAsync<T>(IServiceProvider services, T message, string module, Guid? messageId = null) where T : class
    {
        var bus = services.GetRequiredService<IBus>();
        var id = messageId ?? NewId.NextGuid();
        using var probe = For(bus, id, module);
        await bus.Publish(message, context => context.MessageId = id);
        await probe.WaitAsync();
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (IsAwaited(context))
        {
            _consumed.TrySetResult();
        }
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        if (IsAwaited(context))
        {
            _consumed.TrySetException(exception);
        }
        return Task.CompletedTask;
    }

    public void Dispose() => _handle.Disconnect();
}
