using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Advocacy.BuildingBlocks.Web;

/// <summary>
/// Puts the errors a use case answers (the API's per-field validation errors, keyed as the JSON names
/// fields: <c>title</c>, <c>reach[0].count</c>) onto a page's form fields, so pages run the same
/// validators and handlers as the endpoints and keep no rules of their own.
/// </summary>
public static class FormErrors
{
    /// <summary>The per-field errors of a handler's result, or null when it is not a validation problem.</summary>
    public static IDictionary<string, string[]>? Of(IResult result) => result switch
    {
        ValidationProblem problem => problem.ProblemDetails.Errors,
        INestedHttpResult nested => Of(nested.Result),
        _ => null,
    };

    /// <summary>
    /// Runs <paramref name="validator"/> (the endpoint's own) and adds its errors to the form; true when valid.
    /// <paramref name="labelOf"/> names a property (<c>title</c>, <c>count</c>) as the form labels it, so a
    /// message reads "'Titre' ne doit pas être vide." rather than naming the JSON property.
    /// </summary>
    public static async Task<bool> ValidateAsync<T>(
        IValidator<T> validator, T request, ModelStateDictionary modelState, string prefix,
        Func<string, string>? mapKey = null, Func<string, string?>? labelOf = null, CancellationToken cancellationToken = default)
    {
        var result = await validator.ValidateAsync(request, cancellationToken);
        var errors = result.Errors
            .GroupBy(failure => failure.PropertyName)
            .ToDictionary(group => group.Key, group => group.Select(failure => Relabel(failure, labelOf)).Distinct().ToArray());
        Add(modelState, errors, prefix, mapKey);
        return result.IsValid;
    }

    private static string Relabel(FluentValidation.Results.ValidationFailure failure, Func<string, string?>? labelOf)
    {
        if (labelOf is null || failure.FormattedMessagePlaceholderValues?.GetValueOrDefault("PropertyName") is not string shown)
        {
            return failure.ErrorMessage;
        }
        var property = failure.PropertyName.Split('.')[^1];
        var bracket = property.IndexOf('[');
        var label = labelOf(bracket < 0 ? property : property[..bracket]);
        return label is null ? failure.ErrorMessage : failure.ErrorMessage.Replace($"'{shown}'", $"'{label}'");
    }

    /// <summary>
    /// Adds <paramref name="errors"/> to <paramref name="modelState"/> under <paramref name="prefix"/>:
    /// <c>reach[0].count</c> becomes <c>Input.Reach[0].Count</c>. <paramref name="mapKey"/> may first
    /// rewrite a key (e.g. to renumber list rows the page dropped as blank).
    /// </summary>
    public static void Add(ModelStateDictionary modelState, IDictionary<string, string[]> errors, string prefix, Func<string, string>? mapKey = null)
    {
        foreach (var (key, messages) in errors)
        {
            var field = FieldName(mapKey is null ? key : mapKey(key), prefix);
            foreach (var message in messages)
            {
                modelState.AddModelError(field, message);
            }
        }
    }

    /// <summary>The form field a camelCase error key names, e.g. <c>Input.Reach[0].Count</c>.</summary>
    public static string FieldName(string key, string prefix)
    {
        var parts = key.Split('.').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]);
        var path = string.Join('.', parts);
        return string.IsNullOrEmpty(prefix) ? path : path.Length == 0 ? prefix : $"{prefix}.{path}";
    }

    /// <summary>The row index in a key like <c>reach[3].count</c> for a list named <paramref name="list"/>, or null.</summary>
    public static int? RowIndex(string key, string list)
    {
        var start = $"{list}[";
        if (!key.StartsWith(start, StringComparison.OrdinalIgnoreCase)) return null;
        var end = key.IndexOf(']', start.Length);
        return end > 0 && int.TryParse(key.AsSpan(start.Length, end - start.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var row)
            ? row
            : null;
    }

    /// <summary>The same key with the row index of <paramref name="list"/> replaced by <paramref name="row"/>.</summary>
    public static string WithRowIndex(string key, string list, int row)
    {
        var end = key.IndexOf(']', list.Length + 1);
        return $"{key[..(list.Length + 1)]}{row.ToString(CultureInfo.InvariantCulture)}{key[end..]}";
    }
}
