using Advocacy.BuildingBlocks.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Advocacy.Host.Web;

namespace Advocacy.Host.Pages;

/// <summary>Signing out is a POST (a link could be followed by anything); a GET just goes home.</summary>
[Authorize(Policy = Policies.Read)]
internal sealed class SignOutModel(SignInManager<IdentityUser> signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect(WebUi.SignInPath);
    }
}
