using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Infrastructure;
using Advocacy.IntegrationTests.ReportingPeriods;

namespace Advocacy.IntegrationTests.Flows;

/// <summary>
/// A period approved in Projects reaches Reports by message: the donor link shows its figures, the
/// donor report calls them approved, and an admin's unlock takes them back.
/// </summary>
public sealed class ApprovedPeriodToDonorLinkFlowTests(AdvocacyApp app) : IClassFixture<AdvocacyApp>
{
    [Fact]
    public async Task Approving_then_unlocking_a_period_in_projects_shows_then_hides_its_figures_on_the_donor_link()
    {
        var staff = await app.ClientAsync(Roles.Staff);
        var manager = await app.ClientAsync(Roles.Manager);
        var project = await Api.CreateProjectAsync(staff, "REACT", startDate: "2015-01-01");
        await PeriodsKit.LogAsync(staff, project, "2015-03-10");
        await PeriodsKit.LogAsync(staff, project, "2015-09-10", "Hearing outside the approved half-year");
        // Reports learns of the project through the bus: the link is made once it has.
        await Eventually.Get(async () => (await manager.GetAsync($"/api/reports/projects/{project}/figures")).IsSuccessStatusCode ? "known" : null,
            "the project in Reports");
        var link = await (await manager.PostAsJsonAsync($"/api/reports/projects/{project}/donor-links", new { label = "Donor", validForDays = 30 }))
            .JsonAsync(HttpStatusCode.Created);
        var anonymous = app.CreateClient();
        async Task<object?> ActivitiesShownAsync(int expected)
        {
            var figures = await anonymous.GetFromJsonAsync<JsonElement>(link.GetProperty("apiUrl").GetString());
            return figures.GetProperty("topLine").GetProperty("activities").GetInt32() == expected ? figures : null;
        }
        Assert.NotNull(await ActivitiesShownAsync(0));

        var period = await PeriodsKit.ApprovedPeriodAsync(app, project, "2015-01-01", "2015-06-30");
        var shown = (JsonElement)await Eventually.Get(() => ActivitiesShownAsync(1), "the approved half-year on the donor link");
        Assert.Equal(12, shown.GetProperty("topLine").GetProperty("reach").GetInt32());
        var report = await (await staff.PostAsJsonAsync("/api/donor-reports", new { title = "H1 2015", projectId = project, from = "2015-01-01", to = "2015-06-30" }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.True((await staff.GetFromJsonAsync<JsonElement>($"/api/donor-reports/{report.GetProperty("id").GetGuid()}"))
            .GetProperty("content").GetProperty("fromApprovedPeriods").GetBoolean());

        await PeriodsKit.UnlockAsync(app, project, period.Id());
        await Eventually.Get(() => ActivitiesShownAsync(0), "the unlocked half-year gone from the donor link");
    }
}
