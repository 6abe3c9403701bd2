using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.Publications;
using Advocacy.Modules.Reports.Publications.AddRecommendation;
using Advocacy.Modules.Reports.Publications.ChangeRecommendationStatus;
using Advocacy.Modules.Reports.Publications.GetPublication;
using Advocacy.Modules.Reports.Publications.PublishPublication;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Reports.Areas.Reports.Pages.Publications;

/// <summary>The publish form.</summary>
internal sealed class PublishForm
{
    public DateOnly? PublishedOn { get; set; }

    public uint? Version { get; set; }
}

/// <summary>A new recommendation.</summary>
internal sealed class RecommendationForm
{
    public string? Text { get; set; }

    public RecommendationAddressee? AddressedTo { get; set; }
}

/// <summary>A recommendation's status change: the recommendation's form among several on the page.</summary>
internal sealed class StatusChangeForm
{
    public Guid RecommendationId { get; set; }

    public RecommendationStatus? Status { get; set; }

    public DateOnly? ChangedOn { get; set; }

    public string? Evidence { get; set; }

    public uint? Version { get; set; }
}

/// <summary>
/// A publication, its recommendations and their history; publishing it, adding a recommendation and changing a
/// recommendation's status, each through its endpoint's validator and handler.
/// </summary>
[Authorize(Policy = Policies.Read)]
internal sealed class PublicationModel(
    ReportsDbContext db, IStringLocalizer<ReportsText> text, TimeProvider clock,
    IValidator<PublishRequest> publishValidator, IValidator<RecommendationRequest> recommendationValidator,
    IValidator<StatusChangeRequest> statusValidator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public PublishForm Publish { get; set; } = new();

    [BindProperty]
    public RecommendationForm NewRecommendation { get; set; } = new();

    [BindProperty]
    public StatusChangeForm Change { get; set; } = new();

    public PublicationResponse Publication { get; private set; } = null!;

    /// <summary>A message about the form just posted (a conflict, a concurrent change), shown above the page's forms.</summary>
    public string? Problem { get; private set; }

    public DateOnly Today => clock.Today();

    public IActionResult OnGet() => Page();

    public override async Task OnPageHandlerExecutionAsync(
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        if (!await LoadAsync(HttpContext.RequestAborted))
        {
            context.Result = NotFound();
            return;
        }
        var executed = await next();
        // After a write that did not happen, show the publication as it is now.
        if (executed.Result is PageResult)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(HttpContext.RequestAborted);
        }
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        var request = new PublishRequest(Publish.PublishedOn, Publish.Version);
        if (ModelState.IsValid && await FormErrors.ValidateAsync(publishValidator, request, ModelState, nameof(Publish), labelOf: text.FieldLabel, cancellationToken: cancellationToken)
            && await RunAsync(() => PublishPublicationEndpoint.Handle(Id, request, db, clock, cancellationToken)))
        {
            TempData["Notice"] = text["Published: {0}.", Publication.Title].Value;
            return Redirect($"/reports/publications/{Id}");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAddRecommendationAsync(CancellationToken cancellationToken)
    {
        var request = new RecommendationRequest(NewRecommendation.Text ?? "", NewRecommendation.AddressedTo);
        if (ModelState.IsValid
            && await FormErrors.ValidateAsync(recommendationValidator, request, ModelState, nameof(NewRecommendation), labelOf: text.FieldLabel, cancellationToken: cancellationToken)
            && await RunAsync(() => AddRecommendationEndpoint.Handle(Id, request, db, clock, cancellationToken)))
        {
            TempData["Notice"] = text["Recommendation added."].Value;
            return Redirect($"/reports/publications/{Id}#recommendations");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostChangeStatusAsync(CancellationToken cancellationToken)
    {
        var request = new StatusChangeRequest(Change.Status, Change.ChangedOn, Change.Evidence, Change.Version);
        if (Publication.Recommendations!.All(r => r.Id != Change.RecommendationId))
        {
            return NotFound();
        }
        if (ModelState.IsValid && await FormErrors.ValidateAsync(statusValidator, request, ModelState, nameof(Change), labelOf: text.FieldLabel, cancellationToken: cancellationToken)
            && await RunAsync(() => ChangeRecommendationStatusEndpoint.Handle(Change.RecommendationId, request, User, db, clock, cancellationToken)))
        {
            TempData["Notice"] = text["Status changed."].Value;
            return Redirect($"/reports/publications/{Id}#recommendation-{Change.RecommendationId}");
        }
        return Page();
    }

    /// <summary>Whether this recommendation's status form is the one just posted (its errors and values show there).</summary>
    public bool Posted(RecommendationResponse recommendation) =>
        HttpMethods.IsPost(Request.Method) && Change.RecommendationId == recommendation.Id;

    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    /// <summary>Runs a write; a conflict or a concurrent change becomes the page's message. True when it was written.</summary>
    private async Task<bool> RunAsync<T>(Func<Task<T>> write)
    {
        try
        {
            await write();
            return true;
        }
        catch (ConflictException conflict)
        {
            Problem = conflict.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            Problem = text["Someone else changed this after you opened the page, so nothing was saved. Here is what is saved now: try again."];
        }
        return false;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Publication = (await GetPublicationEndpoint.Handle(Id, db, cancellationToken)).Value!;
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
