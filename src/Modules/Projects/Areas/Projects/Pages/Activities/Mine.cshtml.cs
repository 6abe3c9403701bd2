using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Activities;
using Advocacy.Modules.Projects.Activities.ListActivities;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Projects.Areas.Projects.Pages.Activities;

/// <summary>My recent activities: what I logged, latest first, paged; the list endpoint's own query.</summary>
[Authorize(Policy = Policies.Read)]
internal sealed class MineModel(ProjectsDbContext db, IStringLocalizer<ProjectsText> text) : PageModel
{
    public const int PageSize = 20;

    public Page<ActivityResponse> Activities { get; private set; } = new([], 1, PageSize, 0);

    public IReadOnlyDictionary<Guid, string> ProjectNames { get; private set; } = new Dictionary<Guid, string>();

    public int PageCount => Math.Max(1, (Activities.TotalCount + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken, [FromQuery(Name = "page")] int page = 1)
    {
        var result = await ListActivitiesEndpoint.Handle(
            db, User, cancellationToken, mine: true, sort: "-loggedAt", page: Math.Clamp(page, 1, 1_000_000), pageSize: PageSize);
        if (result.Result is Ok<Page<ActivityResponse>> { Value: { } activities })
        {
            Activities = activities;
        }
        var projectIds = Activities.Items.Select(a => a.ProjectId).Distinct().ToList();
        ProjectNames = (await db.Projects.AsNoTracking()
                .Where(p => projectIds.Contains(p.Id))
                .Select(p => new { p.Id, p.Code, p.Name, p.NameTranslations })
                .ToListAsync(cancellationToken))
            .ToDictionary(p => p.Id, p => $"{p.Code} – {Translations.Pick(p.Name, p.NameTranslations)}");
    }

    /// <summary>Activities recorded from events, meetings, statements or publications change at their source.</summary>
    public static bool Editable(ActivityResponse activity) => activity.Source is ActivitySource.Manual or ActivitySource.Import;

    public string Label(ActivityType type) => text[$"{nameof(ActivityType)}.{type}"];
}
