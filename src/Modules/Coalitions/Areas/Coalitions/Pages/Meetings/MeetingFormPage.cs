using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Coalitions.Data;
using Advocacy.Modules.Coalitions.Meetings;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Coalitions.Areas.Coalitions.Pages.Meetings;

/// <summary>
/// What recording and editing a meeting share: the coalition, the form and its choices (the platform's
/// users, the projects Coalitions knows), and the endpoint's answers turned into messages on the form.
/// </summary>
internal abstract class MeetingFormPage(
    CoalitionsDbContext db, IUserDirectory users, IValidator<MeetingRequest> validator, IStringLocalizer<CoalitionsText> text) : PageModel
{
    protected const string Prefix = nameof(Input);

    protected CoalitionsDbContext Db => db;

    protected IUserDirectory Users => users;

    protected IStringLocalizer<CoalitionsText> Text => text;

    /// <summary>The coalition's id (the route's).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public string CoalitionName { get; private set; } = "";

    [BindProperty]
    public MeetingForm Input { get; set; } = new();

    public string? Problem { get; protected set; }

    public IReadOnlyList<SelectListItem> People { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Projects { get; private set; } = [];

    /// <summary>The coalition's name and the form's choices; false when the coalition does not exist.</summary>
    protected async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var name = await db.Coalitions.AsNoTracking().Where(c => c.Id == Id).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return false;
        }
        CoalitionName = name;
        People = (await users.ListAsync(cancellationToken)).Select(u => new SelectListItem(u.Name, u.Id)).ToList();
        Projects = await db.KnownProjects.AsNoTracking()
            .OrderBy(p => p.Code)
            .Select(p => new SelectListItem(p.Code + " – " + p.Name, p.ProjectId.ToString()))
            .ToListAsync(cancellationToken);
        return true;
    }

    /// <summary>Binding errors, then the endpoint's validator; true when the form may go to the handler.</summary>
    protected async Task<(bool Valid, MeetingRequest Request, IReadOnlyList<int> RowOf)> ValidateAsync(bool withFollowUps)
    {
        var request = Input.ToRequest(withFollowUps, out var rowOf);
        var valid = ModelState.IsValid
            && await FormErrors.ValidateAsync(validator, request, ModelState, Prefix, key => MeetingForm.FormKey(key, rowOf), LabelOf, HttpContext.RequestAborted);
        return (valid, request, rowOf);
    }

    /// <summary>The labels of the meeting's and its follow-ups' fields, for validation messages.</summary>
    protected Func<string, string?> LabelOf => FormLabels.For(text,
        ("date", "Date"), ("agenda", "Agenda and notes"), ("attendeeUserIds", "Who attended for us"), ("projectIds", "Linked projects"),
        ("followUps", "Follow-ups"), ("action", "Action"), ("ownerUserId", "Owner"), ("dueDate", "Due"));

    /// <summary>Runs an endpoint's handler; null (with messages on the form under <paramref name="prefix"/>) when it wrote nothing.</summary>
    protected async Task<IResult?> RunAsync(Func<Task<IResult>> handler, string prefix, Func<string, string>? mapKey = null)
    {
        var (result, problem) = await FormSubmit.RunAsync(handler, db, ModelState, prefix,
            text["Someone else changed this meeting since you opened it, so nothing was saved. Reload the page and make your change again."], mapKey);
        Problem = problem;
        return result;
    }
}
