using System.Threading.Channels;

namespace Advocacy.BuildingBlocks;

/// <summary>
/// Wakes a polling background worker as soon as there is work, instead of at its next poll. Notices
/// sent while the worker is busy collapse into one.
/// </summary>
public class WakeUpSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Tells the worker there is work.</summary>
    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when notified or when the timeout passes, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed: look anyway, another instance may have written rows.
        }
    }
}
