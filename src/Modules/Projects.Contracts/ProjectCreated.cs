namespace Advocacy.Modules.Projects.Contracts;

/// <summary>Published once a project has been created.</summary>
/// <param name="ProjectId">The project's id.</param>
/// <param name="Code">The short code staff use (e.g. <c>REACT</c>), unique across projects.</param>
/// <param name="Name">The project's name.</param>
/// <param name="Level">National, European or international.</param>
/// <param name="StartDate">First day of the project.</param>
/// <param name="EndDate">Last day of the project, when known.</param>
/// <param name="OccurredAt">When the project was created.</param>
public sealed record ProjectCreated(
    Guid ProjectId,
    string Code,
    string Name,
    ProjectLevel Level,
    DateOnly StartDate,
    DateOnly? EndDate,
    DateTimeOffset OccurredAt);
