using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Advocacy.BuildingBlocks.Http;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Advocacy.Host;

/// <summary>What every module's endpoints share: JSON, problem details, OpenAPI, health.</summary>
internal static class HttpConventions
{
    public static WebApplicationBuilder AddHttpConventions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));
        // Binding failures (malformed JSON, wrong types) become exceptions the problem handler answers
        // with a clear 400, in every environment.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Accept-Language (or ?ui-culture=, or the culture cookie) picks the language of texts that have
        // versions in it. Only the UI culture follows the request: parsing and formatting on the server
        // stay invariant, whatever the user reads.
        builder.Services.AddRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new Microsoft.AspNetCore.Localization.RequestCulture("en", "en");
            options.SupportedCultures = [System.Globalization.CultureInfo.GetCultureInfo("en")];
            options.SupportedUICultures = Advocacy.BuildingBlocks.Text.Translations.Languages.Select(System.Globalization.CultureInfo.GetCultureInfo).ToList();
            options.ApplyCurrentCultureToResponseHeaders = true;
        });
        // Validation errors name fields as the JSON does (startDate, not StartDate).
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Advocacy API";
            document.Info.Description = "Projects, coalitions, events and reports of a child-rights NGO's advocacy work. "
                + "Get a token from POST /api/auth/token and send it as 'Authorization: Bearer <token>'.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A token from POST /api/auth/token.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>Enums travel as camelCase strings; numbers for enums are refused.</summary>
    /// <summary>Text the database cannot store (NUL, lone surrogates) is refused as invalid JSON.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new StorableStringConverter());
    }

    public static WebApplication UseHttpConventions(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseRequestLocalization();
        app.Use((context, next) => StorableText.RejectUnstorableAsync(context, next));
        // Empty error responses (401, 403, 404 of unknown routes, 405) get a problem details body too.
        app.UseStatusCodePages();
        return app;
    }

    public static WebApplication MapOperationalEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = WriteHealthReport,
        }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api-reference", options => options.WithTitle("Advocacy API")).AllowAnonymous();
        return app;
    }

    private static Task WriteHealthReport(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), e.Value.Description }),
        });
    }
}
