namespace Advocacy.Modules.Reports.Contracts;

/// <summary>
/// Published when Reports has emptied its read model to rebuild it. Every module that publishes
/// events Reports reads answers by publishing all of them again, oldest first; consumers that already
/// handled them ignore the repeats (their inboxes), and Reports applies them afresh.
/// </summary>
/// <param name="RequestedAt">When the rebuild began.</param>
public sealed record ReadModelRebuildRequested(DateTimeOffset RequestedAt);
