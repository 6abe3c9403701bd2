using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace Advocacy.Host;

/// <summary>How many requests a client may make (configuration section <c>RateLimits</c>).</summary>
internal sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>
    /// Sign-in attempts per minute from one address, whatever the account (lockout guards each account). An office
    /// behind one address signs in at nine o'clock: generous enough for that, far too few to guess passwords.
    /// </summary>
    public int SignInPerMinute { get; set; } = 30;

    /// <summary>API requests per minute by one user, or from one address when not signed in.</summary>
    public int ApiPerMinute { get; set; } = 1200;
}

/// <summary>
/// The web's defences the host applies to every module: security headers, rate limits (429 with Retry-After),
/// HTTPS redirection and HSTS outside development, and forwarded headers from the reverse proxy.
/// </summary>
internal static class WebHardening
{
    /// <summary>The rate-limit policy of the sign-in endpoints and page.</summary>
    public const string SignInPolicy = "sign-in";

    /// <summary>
    /// The default content security policy: everything from this origin only, no inline script or style, never
    /// framed. A response that sets its own (a page with a hashed inline style) keeps it.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplicationBuilder AddWebHardening(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.Section));
        // Read per request, not here: test hosts and deployments may set the limits after this registration.
        static RateLimitOptions Limits(HttpContext context) =>
            context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Results.Problem(
                    title: "Too many requests",
                    detail: $"Slow down: try again in {(int)Math.Ceiling(retryAfter.TotalSeconds)} seconds.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
            };
            // Only attempts count: showing the sign-in page is free.
            options.AddPolicy(SignInPolicy, context => HttpMethods.IsGet(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("sign-in page")
                : RateLimitPartition.GetFixedWindowLimiter(
                    $"sign-in:{context.Connection.RemoteIpAddress}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = Limits(context).SignInPerMinute, Window = TimeSpan.FromMinutes(1) }));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                !context.Request.Path.StartsWithSegments("/api")
                    ? RateLimitPartition.GetNoLimiter("pages")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? $"user:{userId}" : $"address:{context.Connection.RemoteIpAddress}",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = Limits(context).ApiPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>Before authentication: forwarded headers, HTTPS and the security headers.</summary>
    public static WebApplication UseWebHardening(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                // The API reference page loads its own scripts and styles; everything else gets the strict policy.
                if (!headers.ContainsKey("Content-Security-Policy") && !context.Request.Path.StartsWithSegments("/api-reference"))
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
