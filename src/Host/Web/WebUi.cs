using System.Globalization;
using Advocacy.Modules.Coalitions;
using Advocacy.Modules.Events;
using Advocacy.Modules.Projects;
using Advocacy.Modules.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Advocacy.Host.Web;

/// <summary>
/// The server-rendered UI (ADR 0014): Razor Pages of the host (layout, sign-in, language, errors) and
/// of each module's area, in the reader's language. The API keeps its own behaviour: 401/403 problem
/// details instead of redirects, invariant formatting, problem details for errors.
/// </summary>
internal static class WebUi
{
    public const string SignInPath = "/sign-in";

    private const string ChallengeScheme = "Advocacy.PageOrApi";

    /// <summary>The cookie that keeps the language a reader chose (ASP.NET Core's culture cookie).</summary>
    public static readonly string LanguageCookie = CookieRequestCultureProvider.DefaultCookieName;

    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddRazorPages()
            .AddViewLocalization()
            .ConfigureApplicationPartManager(parts => parts.ApplicationParts.Clear())
            // Explicitly, like the endpoints: the host's own pages and each module's area.
            .AddApplicationPart(typeof(Program).Assembly)
            .AddApplicationPart(typeof(ProjectsModule).Assembly)
            .AddApplicationPart(typeof(CoalitionsModule).Assembly)
            .AddApplicationPart(typeof(EventsModule).Assembly)
            .AddApplicationPart(typeof(ReportsModule).Assembly);
        builder.Services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((options, localizers) =>
        {
            // Model binding's own messages ("abc" typed in a number field) in the reader's language.
            var text = localizers.Create(typeof(Pages.UiText));
            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, _) => text["The value '{0}' is not valid.", value]);
            messages.SetValueIsInvalidAccessor(value => text["The value '{0}' is not valid.", value]);
            messages.SetValueMustBeANumberAccessor(_ => text["Enter a number."]);
            messages.SetValueMustNotBeNullAccessor(_ => text["Enter a value."]);
            messages.SetMissingBindRequiredValueAccessor(_ => text["Enter a value."]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["The value '{0}' is not valid.", value]);
            messages.SetUnknownValueIsInvalidAccessor(_ => text["The value is not valid."]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["The value is not valid."]);
        });

        // Pages challenge with the cookie (a redirect to sign in, with the return address); everything else
        // keeps Identity's choice between bearer and cookie, whose challenge answers the API's 401.
        // Identity's scheme that picks bearer or cookie per request (its name is internal to Identity).
        var identityScheme = IdentityConstants.BearerScheme;
        builder.Services.AddAuthentication(options =>
            {
                identityScheme = options.DefaultScheme ?? identityScheme;
                options.DefaultChallengeScheme = ChallengeScheme;
                options.DefaultForbidScheme = ChallengeScheme;
            })
            .AddPolicyScheme(ChallengeScheme, null, options => options.ForwardDefaultSelector = context =>
                IsUi(context) ? IdentityConstants.ApplicationScheme : identityScheme);
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = SignInPath;
            cookie.LogoutPath = "/sign-out";
            cookie.AccessDeniedPath = "/error/403";
        });
        return builder;
    }

    /// <summary>
    /// After request localization: error pages for the UI, static files, then routing (called here, so
    /// that re-executing a request for an error page routes it afresh), then the reader's culture for pages.
    /// </summary>
    public static WebApplication UseWebUi(this WebApplication app)
    {
        // A page's unexpected failure, or an unknown address, shows the error page, not problem details.
        app.UseWhen(IsUiPath, ui =>
        {
            ui.UseExceptionHandler("/error");
            ui.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.Use((context, next) =>
        {
            if (IsUi(context))
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture;
            }
            return next(context);
        });
        return app;
    }

    public static WebApplication MapWebUi(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }

    // Addresses that are not pages: the API, and the operational endpoints, keep problem details.
    private static readonly string[] NotUi = ["/api", "/api-reference", "/openapi", "/health"];

    private static bool IsUiPath(HttpContext context) => !NotUi.Any(prefix => context.Request.Path.StartsWithSegments(prefix));

    private static bool IsPage(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is not null;

    /// <summary>A request for a page, or for no known endpoint outside the API (shown as a page).</summary>
    private static bool IsUi(HttpContext context) =>
        IsUiPath(context) && (IsPage(context) || context.GetEndpoint() is null);
}
