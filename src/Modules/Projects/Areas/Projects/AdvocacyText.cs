namespace Advocacy.Modules.Projects.Areas.Projects;

/// <summary>
/// The advocacy pages' texts (outcomes, follow-ups, stakeholders): AdvocacyText.resx in English, .fr and .nl
/// beside it. Kept apart from <see cref="ProjectsText"/> so the two sets of pages change independently.
/// </summary>
internal sealed class AdvocacyText;
