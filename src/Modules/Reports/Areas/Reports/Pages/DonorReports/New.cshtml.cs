using Advocacy.BuildingBlocks.Authorization;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.DonorReports;
using Advocacy.Modules.Reports.DonorReports.CreateDonorReport;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Reports.Areas.Reports.Pages.DonorReports;

/// <summary>Starts a donor report: a project or a donor, a period (last calendar year unless chosen), a title.</summary>
[Authorize(Policy = Policies.Write)]
internal sealed class NewModel(ReportsDbContext db, IValidator<DonorReportRequest> validator, IStringLocalizer<ReportsText> text, TimeProvider clock)
    : DonorReportFormPage(db, validator, text)
{
    public async Task OnGetAsync(Guid? projectId, CancellationToken cancellationToken)
    {
        var lastYear = clock.Today().Year - 1;
        Input = new DonorReportForm { ProjectId = projectId, From = new DateOnly(lastYear, 1, 1), To = new DateOnly(lastYear, 12, 31) };
        await LoadChoicesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await ValidRequestAsync() is var (request, rowOf))
        {
            var result = await CreateDonorReportEndpoint.Handle(request, User, Db, clock, cancellationToken);
            if (Accepted(result, rowOf) && result.Result is Created<DonorReportResponse> { Value: { } created })
            {
                TempData["Notice"] = Text["Donor report created: {0}.", created.Title].Value;
                return Redirect($"/reports/donor-reports/{created.Id}");
            }
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }
}
