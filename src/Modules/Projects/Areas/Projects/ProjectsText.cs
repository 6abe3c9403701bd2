namespace Advocacy.Modules.Projects.Areas.Projects;

/// <summary>The Projects pages' texts: ProjectsText.resx in English, .fr and .nl beside it.</summary>
internal sealed class ProjectsText;
