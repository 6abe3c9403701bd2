namespace Advocacy.Modules.Projects.Assignments;

/// <summary>A staff member assigned to a project: they read and write its records (ADR 0016).</summary>
internal sealed class ProjectAssignment
{
    public const int UserIdMaxLength = 450;

    public Guid ProjectId { get; init; }

    public required string UserId { get; init; }

    public required string AssignedBy { get; init; }

    public DateTimeOffset AssignedAt { get; init; }
}
