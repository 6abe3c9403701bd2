using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Projects.Activities;
using Advocacy.Modules.Projects.Activities.GetActivity;
using Advocacy.Modules.Projects.Activities.UpdateActivity;
using Advocacy.Modules.Projects.Data;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Projects.Areas.Projects.Pages.Activities;

/// <summary>
/// Edit an activity with the version read: when someone saved it in between, the reader's changes stay in
/// the form, the saved version is shown, and saving again replaces it knowingly.
/// </summary>
[Authorize(Policy = Policies.Write)]
internal sealed class EditModel(
    ProjectsDbContext db, IValidator<ActivityRequest> validator, IStringLocalizer<ProjectsText> text, TimeProvider clock)
    : ActivityFormPage(db, validator, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The version someone else saved since the form was read, when that happened.</summary>
    public ActivityResponse? Saved { get; private set; }

    /// <summary>Set when the activity follows its source (an event, a meeting…) and is not edited here.</summary>
    public bool FollowsSource { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is not { } activity)
        {
            return NotFound();
        }
        Input = ActivityForm.From(activity);
        FollowsSource = !MineModel.Editable(activity);
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // What the form does not show (indicators, links to an event, coalition, publication) stays as it is.
        if (await FindAsync(cancellationToken) is not { } current)
        {
            return NotFound();
        }
        var (valid, request, rowOf) = await ValidateAsync(
            Input.ToRequest(out var rows, current.IndicatorIds, current.EventId, current.CoalitionId, current.ReportId), rows);
        if (valid)
        {
            try
            {
                if (await RunAsync(async () => await UpdateActivityEndpoint.Handle(Id, request, User, Db, clock, cancellationToken), rowOf) is not null)
                {
                    TempData["Notice"] = Text["Changes saved: {0}.", request.Title.Trim()].Value;
                    return RedirectToPage("Mine");
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                Db.ChangeTracker.Clear();
                Saved = await FindAsync(cancellationToken);
                if (Saved is null)
                {
                    return NotFound();
                }
                Problem = Text["Someone else saved this activity after you opened it, so your changes were not saved. They are still in the form below. Save again to replace the saved version with yours."];
                // Saving again is a deliberate choice over the version now shown.
                ModelState.Remove($"{Prefix}.{nameof(ActivityForm.Version)}");
                Input.Version = Saved.Version;
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    private async Task<ActivityResponse?> FindAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await GetActivityEndpoint.Handle(Id, Db, cancellationToken)).Value;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
