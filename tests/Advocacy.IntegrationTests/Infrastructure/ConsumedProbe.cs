using MassTransit;

namespace Advocacy.IntegrationTests.Infrastructure;

/// <summary>
/// Completes when the bus has finished consuming a given message id, using MassTransit's own consume
/// observer: a test knows a redelivery was handled without sleeping.
/// </summary>
public sealed class ConsumedProbe : IConsumeObserver, IDisposable
{
    private readonly Guid _messageId;
    private readonly TaskCompletionSource _consumed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConnectHandle _handle;

    private ConsumedProbe(IBus bus, Guid messageId)
    {
        _messageId = messageId;
        _handle = bus.ConnectConsumeObserver(this);
    }

    public static ConsumedProbe For(IBus bus, Guid messageId) => new(bus, messageId);

    public Task WaitAsync() => _consumed.Task.WaitAsync(Eventually.DefaultTimeout);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId == _messageId)
        {
            _consumed.TrySetResult();
        }
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        if (context.MessageId == _messageId)
        {
            _consumed.TrySetException(exception);
        }
        return Task.CompletedTask;
    }

    public void Dispose() => _handle.Disconnect();
}
