using Advocacy.BuildingBlocks.Authorization;
using System.Security.Claims;
using Advocacy.BuildingBlocks.Http;
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Advocacy.Host.Identity;

internal sealed record SignInRequest(string Email, string Password);

internal sealed class SignInValidator : AbstractValidator<SignInRequest>
{
    public SignInValidator()
    {
        RuleFor(r => r.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(256);
    }
}

internal sealed record CurrentUserResponse(string Id, string Email, IReadOnlyList<string> Roles);

/// <summary>
/// Signing in and out. <c>/api/auth/token</c> answers a bearer token for API clients;
/// <c>/api/auth/sign-in</c> sets the browser's cookie. Both are public; everything else is not.
/// </summary>
internal sealed class SignInEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Authentication");
        group.MapPost("token", Token).WithName("IssueToken").AllowAnonymous().RequireRateLimiting(WebHardening.SignInPolicy).WithValidation<SignInRequest>()
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("sign-in", CookieSignIn).WithName("SignIn").AllowAnonymous().RequireRateLimiting(WebHardening.SignInPolicy).WithValidation<SignInRequest>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("sign-out", SignOut).WithName("SignOut").RequireAuthorization(Policies.Read);
        group.MapGet("me", Me).WithName("CurrentUser").RequireAuthorization(Policies.Read);
    }

    internal static Task<IResult> Token(SignInRequest request, SignInManager<IdentityUser> signIn) =>
        PasswordSignIn(request, signIn, IdentityConstants.BearerScheme);

    internal static Task<IResult> CookieSignIn(SignInRequest request, SignInManager<IdentityUser> signIn) =>
        PasswordSignIn(request, signIn, IdentityConstants.ApplicationScheme);

    internal static async Task<NoContent> SignOut(SignInManager<IdentityUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    internal static async Task<Ok<CurrentUserResponse>> Me(ClaimsPrincipal principal, UserManager<IdentityUser> users)
    {
        var user = await users.GetUserAsync(principal) ?? throw new NotFoundException("User", principal.Identity?.Name ?? "?");
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new CurrentUserResponse(user.Id, user.Email ?? "", roles.Order().ToList()));
    }

    private static async Task<IResult> PasswordSignIn(SignInRequest request, SignInManager<IdentityUser> signIn, string scheme)
    {
        var result = await PasswordSignInAsync(signIn, request, scheme);
        if (result.Succeeded)
        {
            return TypedResults.Empty;
        }
        return TypedResults.Problem(
            title: "Sign-in failed",
            detail: result.IsLockedOut
                ? "Too many failed attempts: the account is locked for a while."
                : "The email or password is not right.",
            statusCode: StatusCodes.Status401Unauthorized);
    }

    /// <summary>
    /// Checks the password (counting failures towards lockout) and signs in with <paramref name="scheme"/>:
    /// the API's endpoints and the sign-in page share it.
    /// </summary>
    internal static async Task<Microsoft.AspNetCore.Identity.SignInResult> PasswordSignInAsync(
        SignInManager<IdentityUser> signIn, SignInRequest request, string scheme)
    {
        // The bearer scheme writes the token response itself when sign-in succeeds.
        signIn.AuthenticationScheme = scheme;
        var user = await signIn.UserManager.FindByEmailAsync(request.Email);
        return user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: true);
    }
}
