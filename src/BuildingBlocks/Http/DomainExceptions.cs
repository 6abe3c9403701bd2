namespace Advocacy.BuildingBlocks.Http;

/// <summary>Thrown when a requested resource does not exist; answered with 404.</summary>
public sealed class NotFoundException(string resource, object id)
    : Exception($"{resource} '{id}' was not found.")
{
    public string Resource { get; } = resource;
}

/// <summary>Thrown when a write conflicts with the current state (a duplicate, a stale version); answered with 409.</summary>
public sealed class ConflictException(string message) : Exception(message);
