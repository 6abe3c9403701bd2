using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Reports.Areas.Reports.Pages.Shared;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.Publications;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Reports.Areas.Reports.Pages.Publications;

/// <summary>
/// What recording and editing a publication share: the form, its choices, the endpoint's validator, and its
/// answers (field errors, a duplicate title, a concurrent edit) as messages on the form.
/// </summary>
internal abstract class PublicationFormPage(ReportsDbContext db, IValidator<PublicationRequest> validator, IStringLocalizer<ReportsText> text)
    : ReportsFormPage<PublicationForm>(db, text)
{
    public IReadOnlyList<SelectListItem> Projects { get; private set; } = [];

    protected async Task LoadChoicesAsync(CancellationToken cancellationToken) =>
        Projects = await DonorReports.DonorReportChoices.ProjectsAsync(Db, cancellationToken);

    /// <summary>
    /// Validates the form with the endpoint's validator and runs <paramref name="handler"/>; the publication's id
    /// when it was saved, else null with the reasons on the form (nothing was written).
    /// </summary>
    protected async Task<Guid?> SaveAsync(Func<PublicationRequest, Task<PublicationResponse?>> handler)
    {
        var request = Input.ToRequest();
        if (!ModelState.IsValid
            || !await FormErrors.ValidateAsync(validator, request, ModelState, Prefix, PublicationForm.FormKey, Text.FieldLabel, HttpContext.RequestAborted))
        {
            return null;
        }
        try
        {
            return (await handler(request))?.Id;
        }
        catch (ConflictException conflict)
        {
            Problem = conflict.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            Problem = Text["Someone else saved this publication after you opened it, so your changes were not saved. They are still in the form below. Save again to replace the saved version with yours."];
            ModelState.Remove($"{Prefix}.{nameof(PublicationForm.Version)}");
            Db.ChangeTracker.Clear();
            Input.Version = await Db.Publications.Where(p => p.Id == Id).Select(p => (uint?)p.Version).SingleOrDefaultAsync(HttpContext.RequestAborted);
        }
        Db.ChangeTracker.Clear();
        return null;
    }

    /// <summary>The publication edited; empty when recording a new one.</summary>
    protected virtual Guid Id => Guid.Empty;

    /// <summary>The handler's field errors onto the form; null when there were some.</summary>
    protected T? Answer<T>(IResult result, T? value) where T : class
    {
        if (FormErrors.Of(result) is { } errors)
        {
            FormErrors.Add(ModelState, errors, Prefix, PublicationForm.FormKey);
            return null;
        }
        return value;
    }
}
