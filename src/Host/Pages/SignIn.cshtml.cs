using Advocacy.BuildingBlocks.Web;
using Advocacy.Host.Identity;
using Advocacy.Host.Web;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Advocacy.Host.Pages;

/// <summary>The browser's sign-in: the API's validator and password check (with lockout), then the cookie.</summary>
[AllowAnonymous]
internal sealed class SignInModel(SignInManager<IdentityUser> signIn, IValidator<SignInRequest> validator, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Failure { get; private set; }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(Next()) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var request = new SignInRequest(Email?.Trim() ?? "", Password ?? "");
        var labels = new Dictionary<string, string> { ["email"] = text["Email"], ["password"] = text["Password"] };
        if (!await FormErrors.ValidateAsync(validator, request, ModelState, "", labelOf: labels.GetValueOrDefault, cancellationToken: HttpContext.RequestAborted))
        {
            return Page();
        }
        var result = await SignInEndpoints.PasswordSignInAsync(signIn, request, IdentityConstants.ApplicationScheme);
        if (result.Succeeded)
        {
            return LocalRedirect(Next());
        }
        Failure = result.IsLockedOut
            ? text["Too many failed attempts: the account is locked for a while."]
            : text["The email or password is not right."];
        return Page();
    }

    private string Next() => ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
