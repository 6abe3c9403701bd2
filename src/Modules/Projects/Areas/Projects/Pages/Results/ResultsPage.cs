using System.Globalization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Advocacy.Modules.Projects.Areas.Projects.Pages.Results;

/// <summary>
/// What the results, periods, approvals and import pages share: texts, enum labels, figures in the reader's
/// language, and the domain refusals the API answers with 409 turned into one message above the page.
/// </summary>
internal abstract class ResultsPage(IStringLocalizer<ResultsText> text) : PageModel
{
    protected IStringLocalizer<ResultsText> Text => text;

    /// <summary>A message about the whole request (a locked period, a conflict, a refusal), shown above the page.</summary>
    public string? Problem { get; protected set; }

    /// <summary>Whether the user meets <paramref name="policy"/>: a page read by all checks its writing handlers here.</summary>
    protected async Task<bool> MayAsync(string policy) =>
        (await HttpContext.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(User, policy)).Succeeded;

    /// <summary>Runs a write; a locked period or a conflict becomes <see cref="Problem"/> and false (nothing was written).</summary>
    protected async Task<bool> TryAsync(Func<Task> write, Action? onFailure = null)
    {
        try
        {
            await write();
            return true;
        }
        catch (PeriodLockedException locked)
        {
            Problem = LockedMessage(locked);
        }
        catch (ConflictException conflict)
        {
            Problem = conflict.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            Problem = text["Someone else changed this after you opened the page, so nothing was saved. Look at it again and retry."];
        }
        onFailure?.Invoke();
        return false;
    }

    protected string LockedMessage(PeriodLockedException locked) =>
        text["The reporting period from {0} to {1} is approved and locked, so nothing was saved. An admin can unlock it.",
            Display.Date(locked.From), Display.Date(locked.To)];

    /// <summary>An enum value in the reader's language (resource key "Type.Value").</summary>
    public string Label<T>(T value) where T : struct, Enum => text[$"{typeof(T).Name}.{value}"];

    /// <summary>An enum's values as choices in the reader's language.</summary>
    public IEnumerable<SelectListItem> Choices<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(Label(v), v.ToString()));

    /// <summary>A figure as the reader writes it ("2 100,5" in French), without trailing zeros.</summary>
    public static string Figure(decimal? value) => value?.ToString("#,##0.####", CultureInfo.CurrentCulture) ?? "–";

    /// <summary>An ISO date for the datetime attribute of a time element.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
