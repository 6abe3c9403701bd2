using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Advocacy.BuildingBlocks.Http;

/// <summary>
/// Text PostgreSQL can store: UTF-8 without NUL. .NET strings may carry a NUL or a lone surrogate (JSON's <c>\u0000</c>,
/// <c>\ud800</c>); the database refuses the first, and the second cannot be encoded. Both are refused at the door.
/// </summary>
public static class StorableText
{
    /// <summary>Whether <paramref name="text"/> has no NUL and no lone surrogate.</summary>
    public static bool IsStorable(string? text)
    {
        if (text is null)
        {
            return true;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0' || char.IsLowSurrogate(c))
            {
                return false;
            }
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /// <summary>Answers 400 to a request whose path or query string holds text the database cannot store.</summary>
    public static async Task RejectUnstorableAsync(HttpContext context, Func<Task> next)
    {
        if (!IsStorable(context.Request.Path.Value) || context.Request.Query.Any(q => !IsStorable(q.Key) || q.Value.Any(v => !IsStorable(v))))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status400BadRequest, Title = "Bad request", Detail = "The address holds a NUL character or invalid Unicode." },
            });
            return;
        }
        await next();
    }
}

/// <summary>Reads JSON strings, refusing those the database cannot store (a JsonException: 400 for the request).</summary>
public sealed class StorableStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return StorableText.IsStorable(text) ? text : throw new JsonException("Text with a NUL character or a lone surrogate.");
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
