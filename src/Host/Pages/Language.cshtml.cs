using Advocacy.BuildingBlocks.Text;
using Advocacy.Host.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Advocacy.Host.Pages;

/// <summary>The language switch: remembers the chosen language in a cookie and goes back where the reader was.</summary>
[AllowAnonymous]
internal sealed class LanguageModel : PageModel
{
    public IActionResult OnGet(string? returnUrl) => LocalRedirect(Back(returnUrl));

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        if (culture is not null && Translations.Languages.Contains(culture))
        {
            Response.Cookies.Append(
                WebUi.LanguageCookie,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    HttpOnly = true,
                    IsEssential = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = Request.IsHttps,
                });
        }
        return LocalRedirect(Back(returnUrl));
    }

    private string Back(string? returnUrl) => returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
