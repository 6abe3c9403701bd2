using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Advocacy.BuildingBlocks.Http;

/// <summary>
/// Turns the exceptions endpoints let through into RFC 9457 problem details, so endpoints need no
/// try/catch. Anything it does not know stays a 500 written by the default problem details writer.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            NotFoundException e => (StatusCodes.Status404NotFound, "Not found", e.Message),
            ConflictException e => (StatusCodes.Status409Conflict, "Conflict", e.Message),
            ForbiddenException e => (StatusCodes.Status403Forbidden, "Forbidden", e.Message),
            PeriodLockedException e => (StatusCodes.Status409Conflict, "Period locked", e.Message),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "Conflict",
                "The record was changed by someone else since you read it. Reload it and try again."),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
                (StatusCodes.Status409Conflict, "Conflict", "A record with the same identifying values already exists."),
            // Class 22, "data exception": a value the database cannot take (a number or date out of its range, text it
            // cannot encode) that validation let through. The statement failed, so nothing was written.
            PostgresException { SqlState: [ '2', '2', ..] } or DbUpdateException { InnerException: PostgresException { SqlState: [ '2', '2', ..] } } =>
                (StatusCodes.Status400BadRequest, "Bad request", "A value is out of the range or the character set the database can store."),
            BadHttpRequestException e => (e.StatusCode, "Bad request", BadRequestDetail(e)),
            JsonException => (StatusCodes.Status400BadRequest, "Bad request", "The request body is not valid JSON for this endpoint."),
            _ when DatabaseUnavailable(exception) => (StatusCodes.Status503ServiceUnavailable, "Service unavailable",
                "The database could not be reached. Try again in a moment."),
            _ => (0, "", ""),
        };
        if (status == 0)
        {
            return false;
        }
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        httpContext.Response.StatusCode = status;
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        };
        if (exception is PeriodLockedException locked)
        {
            AddLockExtensions(context.ProblemDetails.Extensions, locked);
        }
        return await problems.TryWriteAsync(context);
    }

    /// <summary>
    /// The database is restarting or out of reach (a broken connection, "the database system is shutting down"):
    /// the client may try again, unlike a 500.
    /// </summary>
    private static bool DatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres
                ? postgres.IsTransient || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                : e is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }
        return false;
    }

    // The lock is named by machine-readable fields too, so a client can link to the period.
    private static void AddLockExtensions(IDictionary<string, object?> extensions, PeriodLockedException locked)
    {
        extensions["periodId"] = locked.PeriodId;
        extensions["from"] = locked.From;
        extensions["to"] = locked.To;
        foreach (var (name, value) in locked.Extensions)
        {
            extensions[name] = value;
        }
    }

    // Minimal APIs wrap body binding failures; say which part of the request was wrong without echoing it.
    private static string BadRequestDetail(BadHttpRequestException exception) => exception.InnerException switch
    {
        JsonException json => $"The request body is not valid JSON for this endpoint{(json.Path is null ? "" : $" (at {json.Path})")}.",
        _ => exception.Message,
    };
}
