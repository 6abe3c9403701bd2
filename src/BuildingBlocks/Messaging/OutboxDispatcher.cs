using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Advocacy.BuildingBlocks.Messaging;

/// <summary>
/// Publishes a module's pending outbox rows to the bus, oldest first, and marks them dispatched.
/// Rows are claimed with FOR UPDATE SKIP LOCKED, so several host instances can run it side by side.
/// The outbox row id becomes the message id, which is what consumers' inboxes deduplicate on.
/// A row that fails is retried with back-off; after <see cref="MaxAttempts"/> failures it is set
/// aside (left in the table, with its last error, for an operator) so it cannot hold back the rest.
/// </summary>
internal sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal<TContext> signal,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService where TContext : DbContext
{
    /// <summary>
    /// Set to false on a host that must not publish (a web-only node); rows then wait, committed, for a
    /// host that does.
    /// </summary>
    public const string EnabledSetting = "Messaging:DispatchOutbox";

    /// <summary>
    /// How far back, at start, already dispatched rows are published again. The in-memory transport
    /// loses what the previous process had published but not yet consumed; consumers' inboxes make the
    /// repeats harmless. Zero turns it off (a durable transport needs none).
    /// </summary>
    public const string RedeliverSetting = "Messaging:RedeliverOnStartWithin";

    /// <summary>
    /// How often the dispatcher looks for rows it was not told about: those committed by another process (a
    /// web node, or a host that does not run this module). Its own process's commits wake it at once.
    /// </summary>
    public const string PollIntervalSetting = "Messaging:OutboxPollInterval";

    private const int BatchSize = 100;
    internal const int MaxAttempts = 10;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue(EnabledSetting, defaultValue: true))
        {
            logger.LogWarning("Outbox dispatch for {Context} is off ({Setting}=false)", typeof(TContext).Name, EnabledSetting);
            return;
        }
        if (!ModulesToRun.Includes(configuration, Schema()))
        {
            logger.LogInformation("Outbox dispatch for {Context} runs elsewhere ({Setting}={Modules})",
                typeof(TContext).Name, ModulesToRun.Setting, configuration[ModulesToRun.Setting]);
            return;
        }
        var pollInterval = configuration.GetValue(PollIntervalSetting, TimeSpan.FromSeconds(1));
        try
        {
            await RedeliverRecentAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not reopen recently dispatched {Context} events; they are not published again", typeof(TContext).Name);
        }
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var dispatched = await DispatchBatchAsync(stoppingToken);
                failures = 0;
                if (dispatched == BatchSize)
                {
                    continue;
                }
                await signal.WaitAsync(pollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // The database or the bus is away: back off, up to 30 s, and try again. Nothing is lost,
                // the rows stay pending.
                failures++;
                logger.LogWarning(exception, "Outbox dispatch for {Context} failed ({Failures} in a row)", typeof(TContext).Name, failures);
                var backoff = TimeSpan.FromMilliseconds(Math.Min(30_000, 200 * Math.Pow(2, Math.Min(failures, 8))));
                try { await Task.Delay(backoff, clock, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
        await DrainAsync();
    }

    private string Schema()
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<TContext>().Model.GetDefaultSchema() ?? "public";
    }

    private async Task RedeliverRecentAsync(CancellationToken cancellationToken)
    {
        // A durable transport (RabbitMQ) keeps what was published across a crash: nothing to publish again.
        var window = configuration.GetValue(RedeliverSetting, MessagingTransport.IsRabbitMq(configuration) ? TimeSpan.Zero : TimeSpan.FromMinutes(10));
        if (window <= TimeSpan.Zero)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var count = await OutboxReplay.ReopenAsync(
            scope.ServiceProvider.GetRequiredService<TContext>(), clock.GetUtcNow() - window, cancellationToken);
        if (count > 0)
        {
            logger.LogInformation("Publishing again {Count} {Context} events dispatched in the last {Window} before this start",
                count, typeof(TContext).Name, window);
        }
    }

    /// <summary>On shutdown, publish what is still pending while the bus is up, within a bounded time.</summary>
    private async Task DrainAsync()
    {
        using var timeout = new CancellationTokenSource(DrainTimeout);
        var drained = 0;
        try
        {
            for (int dispatched; (dispatched = await DispatchBatchAsync(timeout.Token)) > 0;)
            {
                drained += dispatched;
            }
            if (drained > 0)
            {
                logger.LogInformation("Published {Count} pending {Context} events while stopping", drained, typeof(TContext).Name);
            }
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Outbox drain for {Context} stopped; pending rows go out at the next start", typeof(TContext).Name);
        }
    }

    internal async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var schema = db.Model.GetDefaultSchema() ?? "public";

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The schema comes from the module's model, never from input.
        var claimPending = $"""
            SELECT * FROM "{schema}".outbox_messages
            WHERE dispatched_at IS NULL AND attempts < {MaxAttempts}
            ORDER BY id
            LIMIT {BatchSize}
            FOR UPDATE SKIP LOCKED
            """;
        var batch = await db.Set<OutboxMessage>().FromSqlRaw(claimPending).ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        var dispatched = 0;
        Exception? failure = null;
        foreach (var row in batch)
        {
            (object Message, Type Type) @event;
            try
            {
                @event = row.Deserialize();
            }
            catch (Exception exception) when (exception is TypeLoadException or IOException or System.Text.Json.JsonException or NotSupportedException or ArgumentException)
            {
                // The row can never be published (its type is gone or its JSON is broken): set it aside
                // at once rather than let it hold back every later event of the module.
                row.Attempts = MaxAttempts;
                row.LastError = exception.Message;
                logger.LogCritical(exception, "Outbox message {MessageId} ({Type}) cannot be read and is set aside", row.Id, row.Type);
                continue;
            }
            try
            {
                await bus.Publish(@event.Message, @event.Type, context => context.MessageId = row.Id, cancellationToken);
                row.DispatchedAt = clock.GetUtcNow();
                dispatched++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Keep the order: stop at the first failure and retry it after a back-off.
                row.Attempts++;
                row.LastError = exception.Message;
                failure = exception;
                if (row.Attempts >= MaxAttempts)
                {
                    logger.LogCritical(exception, "Outbox message {MessageId} ({Type}) failed {Attempts} times and is set aside",
                        row.Id, row.Type, row.Attempts);
                }
                break;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (failure is not null)
        {
            throw new InvalidOperationException($"Publishing from the {schema} outbox failed: {failure.Message}", failure);
        }
        return dispatched;
    }
}
