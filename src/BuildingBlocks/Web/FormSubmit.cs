using Advocacy.BuildingBlocks.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Advocacy.BuildingBlocks.Web;

/// <summary>
/// Runs a use case's handler for a page and turns what the API would answer with 400 or 409 into the
/// form's messages, so a page keeps no rules of its own and nothing is written when it fails.
/// </summary>
public static class FormSubmit
{
    /// <summary>
    /// The handler's result when it succeeded; otherwise null, with its field errors added to
    /// <paramref name="modelState"/> (under <paramref name="prefix"/>) or a message for the whole form in
    /// <c>Problem</c>: the conflict's own text, or <paramref name="staleMessage"/> when someone else saved first.
    /// </summary>
    public static async Task<(IResult? Result, string? Problem)> RunAsync(
        Func<Task<IResult>> handler, DbContext db, ModelStateDictionary modelState, string prefix, string staleMessage,
        Func<string, string>? mapKey = null)
    {
        try
        {
            var result = await handler();
            if (FormErrors.Of(result) is { } errors)
            {
                FormErrors.Add(modelState, errors, prefix, mapKey);
                return (null, null);
            }
            return (result, null);
        }
        catch (ConflictException conflict)
        {
            db.ChangeTracker.Clear();
            return (null, conflict.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (null, staleMessage);
        }
    }
}
