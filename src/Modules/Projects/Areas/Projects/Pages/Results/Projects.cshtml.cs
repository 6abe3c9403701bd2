using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Projects;
using Advocacy.Modules.Projects.Projects.ListProjects;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Projects.Areas.Projects.Pages.Results;

/// <summary>The projects (the list endpoint's query, by code), each linking to its results framework and reporting periods.</summary>
[Authorize(Policy = Policies.Read)]
internal sealed class ProjectsModel(Data.ProjectsDbContext db, IStringLocalizer<ResultsText> text) : ResultsPage(text)
{
    public const int PageSize = 50;

    public Page<ProjectResponse> Projects { get; private set; } = new([], 1, PageSize, 0);

    public int PageCount => Math.Max(1, (Projects.TotalCount + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken, [FromQuery(Name = "page")] int page = 1)
    {
        if ((await ListProjectsEndpoint.Handle(db, cancellationToken, page: Math.Clamp(page, 1, 1_000_000), pageSize: PageSize)).Result
            is Ok<Page<ProjectResponse>> { Value: { } projects })
        {
            Projects = projects;
        }
    }

    public string StatusLabel(ProjectStatus status) => Label(status);
}
