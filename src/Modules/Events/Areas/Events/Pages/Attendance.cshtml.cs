using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Events.Data;
using Advocacy.Modules.Events.Events;
using Advocacy.Modules.Events.Events.MarkEventHeld;
using Advocacy.Modules.Events.Events.UpdateAttendance;
using Advocacy.Modules.Projects.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Events.Areas.Events.Pages;

/// <summary>
/// Mark a planned event held with its attendance (Projects then logs it for each linked project), or
/// correct a held event's attendance: the held and attendance endpoints, with their validator.
/// </summary>
[Authorize(Policy = Policies.Write)]
internal sealed class AttendanceModel(
    EventsDbContext db, IValidator<AttendanceRequest> validator, IStringLocalizer<EventsText> text, TimeProvider clock) : PageModel
{
    private const string Prefix = nameof(Input);

    /// <summary>Rows the form shows at least; more are added by a round trip.</summary>
    public const int MinRows = 3;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public AttendanceForm Input { get; set; } = new();

    public EventResponse Event { get; private set; } = null!;

    public string? Problem { get; private set; }

    /// <summary>Marking held (a planned event) rather than correcting (a held one).</summary>
    public bool MarkingHeld => Event.Status == EventStatus.Planned;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Event.Status == EventStatus.Cancelled)
        {
            return RedirectToPage("Event", new { id = Id });
        }
        Input = new AttendanceForm
        {
            Attendance = Event.Attendance.Select(a => new AttendanceRow { Audience = a.Audience, Gender = a.Gender, Count = a.Count }).ToList(),
            Version = Event.Version,
        };
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var request = Input.ToRequest(out var rowOf);
        string FormKey(string key) => FormErrors.ToFormRow(key, "attendance", rowOf);
        if (ModelState.IsValid && await FormErrors.ValidateAsync(validator, request, ModelState, Prefix, FormKey,
                FormLabels.For(text, ("attendance", "Who attended"), ("audience", "Audience"), ("gender", "Gender"), ("count", "Number")), cancellationToken))
        {
            var marking = MarkingHeld;
            var (result, problem) = await FormSubmit.RunAsync(
                async () => marking
                    ? await MarkEventHeldEndpoint.Handle(Id, request, db, clock, cancellationToken)
                    : await UpdateAttendanceEndpoint.Handle(Id, request, db, clock, cancellationToken),
                db, ModelState, Prefix, EventFormPage.StaleMessage(text), FormKey);
            if (result is not null)
            {
                TempData["Notice"] = (marking ? text["The event is marked held; its linked projects log it as an activity."] : text["Attendance corrected."]).Value;
                return RedirectToPage("Event", new { id = Id });
            }
            Problem = problem;
        }
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAddRowAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (Input.Attendance.Count < AttendanceRequestValidator.MaxEntries)
        {
            Input.Attendance.Add(new AttendanceRow());
        }
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRemoveRowAsync(int row, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (row >= 0 && row < Input.Attendance.Count)
        {
            Input.Attendance.RemoveAt(row);
        }
        Pad();
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private void Pad()
    {
        while (Input.Attendance.Count < MinRows)
        {
            Input.Attendance.Add(new AttendanceRow());
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await EventPage.FindAsync(Id, db, cancellationToken) is not { } found)
        {
            return false;
        }
        Event = found;
        return true;
    }
}

/// <summary>The attendance form: rows of audience, gender and number; blank rows are skipped.</summary>
internal sealed class AttendanceForm
{
    public List<AttendanceRow> Attendance { get; set; } = [];

    public uint? Version { get; set; }

    public AttendanceRequest ToRequest(out IReadOnlyList<int> rowOf)
    {
        var rows = Attendance.Select((row, index) => (row, index)).Where(r => !r.row.IsBlank).ToList();
        rowOf = rows.Select(r => r.index).ToList();
        return new AttendanceRequest(rows.Select(r => new AttendanceInput(r.row.Audience, r.row.Gender, r.row.Count)).ToList(), Version);
    }
}

/// <summary>How many people of an audience (and gender, where known) attended.</summary>
internal sealed class AttendanceRow
{
    public Audience? Audience { get; set; }

    public Gender? Gender { get; set; }

    public int? Count { get; set; }

    public bool IsBlank => Audience is null && Gender is null && Count is null;
}
