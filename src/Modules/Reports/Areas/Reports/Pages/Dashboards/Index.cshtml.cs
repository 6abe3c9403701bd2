using Advocacy.BuildingBlocks.Authorization;
using Advocacy.Modules.Reports.Dashboards;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.ProjectSummaries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Reports.Areas.Reports.Pages.Dashboards;

/// <summary>The organisation's dashboard: the endpoint's figures for a period, as charts and tables, and the way to each project's.</summary>
[Authorize(Policy = Policies.Read)]
internal sealed class IndexModel(ReportsDbContext db, IStringLocalizer<ReportsText> text, TimeProvider clock) : DashboardPage(text, clock)
{
    public OrganisationDashboard? Dashboard { get; private set; }

    public IReadOnlyList<ProjectSummaryResponse> Projects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Projects = (await ListProjectSummariesEndpoint.List(db, cancellationToken)).Value!;
        if (!ModelState.IsValid)
        {
            return;
        }
        Dashboard = Answer(await GetOrganisationDashboardEndpoint.Handle(db, Clock, cancellationToken, From, To));
        if (Dashboard is { } d)
        {
            Figures = new DashboardFigures(d.TopLine, d.Monthly, d.ActivitiesByType, d.ReachByAudience, d.Recommendations, d.UpcomingEvents, d.Advocacy);
        }
    }

    public override IEnumerable<(string Label, int Value)> TopFigures(DashboardFigures figures) =>
        base.TopFigures(figures).Prepend((Text["Projects"], Dashboard!.Projects));
}
