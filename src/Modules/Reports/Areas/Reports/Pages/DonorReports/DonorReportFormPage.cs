using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Reports.Areas.Reports.Pages.Shared;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.DonorReports;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Reports.Areas.Reports.Pages.DonorReports;

/// <summary>
/// What creating and editing a donor report share: the form, its choices, and the endpoint's validator and
/// answers (field errors) put onto it. Nothing is written unless the endpoint's own handler writes it.
/// </summary>
internal abstract class DonorReportFormPage(ReportsDbContext db, IValidator<DonorReportRequest> validator, IStringLocalizer<ReportsText> text)
    : ReportsFormPage<DonorReportForm>(db, text)
{
    public IReadOnlyList<SelectListItem> Projects { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Donors { get; private set; } = [];

    protected async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Projects = await DonorReportChoices.ProjectsAsync(Db, cancellationToken);
        Donors = await DonorReportChoices.DonorsAsync(Db, cancellationToken);
    }

    /// <summary>Binding errors, then the endpoint's validator; the request when the form may go to the handler.</summary>
    protected async Task<(DonorReportRequest Request, List<int> RowOf)?> ValidRequestAsync()
    {
        var request = Input.ToRequest(out var rowOf);
        if (!ModelState.IsValid)
        {
            return null;
        }
        var valid = await FormErrors.ValidateAsync(validator, request, ModelState, Prefix, key => DonorReportForm.FormKey(key, rowOf), Text.FieldLabel, HttpContext.RequestAborted);
        return valid ? (request, rowOf) : null;
    }

    /// <summary>The handler's field errors (an unknown project or donor) onto the form; true when there were none.</summary>
    protected bool Accepted(IResult result, IReadOnlyList<int> rowOf)
    {
        if (FormErrors.Of(result) is not { } errors)
        {
            return true;
        }
        FormErrors.Add(ModelState, errors, Prefix, key => DonorReportForm.FormKey(key, rowOf));
        return false;
    }
}
