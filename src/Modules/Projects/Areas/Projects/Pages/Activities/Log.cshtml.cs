using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.Modules.Projects.Activities;
using Advocacy.Modules.Projects.Activities.LogActivity;
using Advocacy.Modules.Projects.Data;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Projects.Areas.Projects.Pages.Activities;

/// <summary>Log an activity: one form, today's date, the project last logged for (else my only project).</summary>
[Authorize(Policy = Policies.Write)]
internal sealed class LogModel(
    ProjectsDbContext db, IValidator<ActivityRequest> validator, IStringLocalizer<ProjectsText> text, TimeProvider clock)
    : ActivityFormPage(db, validator, text)
{
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        Input = new ActivityForm
        {
            Date = clock.Today(),
            ProjectId = await Db.Activities.AsNoTracking()
                .Where(a => a.LoggedBy == userId && a.DeletedAt == null)
                .OrderByDescending(a => a.LoggedAt)
                .Select(a => (Guid?)a.ProjectId)
                .FirstOrDefaultAsync(cancellationToken),
        };
        await LoadChoicesAsync(cancellationToken);
        if (Input.ProjectId is null && MyProjects.Count == 1)
        {
            Input.ProjectId = MyProjects[0];
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (valid, request, rowOf) = await ValidateAsync(Input.ToRequest(out var rows), rows);
        if (valid)
        {
            try
            {
                if (await RunAsync(async () => await LogActivityEndpoint.Handle(Input.ProjectId!.Value, request, User, Db, clock, cancellationToken), rowOf) is not null)
                {
                    TempData["Notice"] = Text["Activity logged: {0}.", request.Title.Trim()].Value;
                    return RedirectToPage("Mine");
                }
            }
            catch (NotFoundException)
            {
                // The project was deleted since the form was shown.
                ModelState.AddModelError($"{Prefix}.{nameof(ActivityForm.ProjectId)}", Text["Choose a project."]);
            }
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }
}
