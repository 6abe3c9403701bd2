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
        // Reached directly (not re-executed): answer with the status the page describes.
        var status = code ?? StatusCodes.Status500InternalServerError;
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
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
