using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Advocacy.Host.Pages;

/// <summary>
/// The page shown for an unknown address, a refused one, or a failure. Reached by re-execution, which
/// keeps the original method: a failed POST must not fail again on antiforgery here.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
internal sealed class ErrorModel(IStringLocalizer<UiText> text) : PageModel
{
    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        var reExecuted = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null;
        if (!reExecuted)
        {
            // Reached directly: a client error's page answers with its status; no address claims a server failure
            // (or a status that is none), so anything else is an unknown page.
            status = status is >= 400 and < 500 ? status : StatusCodes.Status404NotFound;
            Response.StatusCode = status;
        }
        (Title, Explanation) = status switch
        {
            StatusCodes.Status404NotFound => (text["Page not found"], text["There is no page at this address."]),
            StatusCodes.Status403Forbidden => (text["Not allowed"], text["Your account may not open this page."]),
            StatusCodes.Status400BadRequest => (text["Bad request"], text["The form could not be read. Go back, reload the page and try again."]),
            _ => (text["Something went wrong"], text["The page could not be shown. Try again in a moment."]),
        };
    }
}
