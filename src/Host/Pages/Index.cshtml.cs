using Advocacy.BuildingBlocks.Authorization;
using Microsoft.AspNetCore.Authorization;
using Advocacy.Host.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Advocacy.Host.Pages;

/// <summary>"/" takes a signed-in user to their main page (signing in first, through the cookie's redirect).</summary>
[Authorize(Policy = Policies.Read)]
internal sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect(Navigation.Home(User));
}
