namespace Advocacy.BuildingBlocks.Http;

/// <summary>Thrown when a requested resource does not exist; answered with 404.</summary>
public sealed class NotFoundException(string resource, object id)
    : Exception($"{resource} '{id}' was not found.")
{
    public string Resource { get; } = resource;
}

/// <summary>Thrown when a write conflicts with the current state (a duplicate, a stale version); answered with 409.</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>
/// Thrown when a write would change what an approved, locked reporting period covers; answered with 409
/// titled "Period locked", naming the period in the detail and in the extensions <c>periodId</c>,
/// <c>from</c> and <c>to</c>. Nothing is written.
/// </summary>
public sealed class PeriodLockedException(string message, Guid periodId, DateOnly from, DateOnly to) : Exception(message)
{
    public Guid PeriodId { get; } = periodId;

    public DateOnly From { get; } = from;

    public DateOnly To { get; } = to;

    /// <summary>Further problem extensions, e.g. the rows of an import that fall in locked periods.</summary>
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();
}

/// <summary>
/// Thrown when the signed-in user may not touch a project a write names (staff not assigned to it);
/// answered with 403. Records of projects they cannot read are simply not found (404).
/// </summary>
public sealed class ForbiddenException(string message) : Exception(message);
