using System.Diagnostics;

namespace Advocacy.IntegrationTests.Infrastructure;

/// <summary>Waits for something that happens through the bus, by polling with a deadline (never a fixed sleep).</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Polls <paramref name="probe"/> until it returns a value, or fails the test at the deadline.</summary>
    public static async Task<T> Get<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null) where T : class
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            if (deadline.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit.TotalSeconds:0} s waiting for {what}.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(25));
        }
    }
}
