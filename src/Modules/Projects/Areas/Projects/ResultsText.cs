namespace Advocacy.Modules.Projects.Areas.Projects;

/// <summary>
/// The texts of the import, results-framework, reporting-period and project-list pages: ResultsText.resx in
/// English, .fr and .nl beside it (kept apart from ProjectsText so both can change without conflicts).
/// </summary>
internal sealed class ResultsText;
