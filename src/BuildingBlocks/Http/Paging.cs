namespace Advocacy.BuildingBlocks.Http;

/// <summary>One page of a list, with what a client needs to fetch the others.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount);

/// <summary>The paging rules every list endpoint shares.</summary>
public static class Paging
{
    /// <summary>The largest page a client may ask for.</summary>
    public const int MaxPageSize = 200;

    public const int DefaultPageSize = 50;

    /// <summary>Per-field errors for out-of-range paging parameters, or null when they are fine.</summary>
    public static Dictionary<string, string[]>? Errors(int page, int pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1 or > 1_000_000)
        {
            errors["page"] = ["Page numbers start at 1."];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"Page size must be between 1 and {MaxPageSize}."];
        }
        return errors.Count == 0 ? null : errors;
    }

    /// <summary>Per-field errors of a paged list's query over a period (dates inclusive); empty when all is fine.</summary>
    public static Dictionary<string, string[]> ListErrors(int page, int pageSize, DateOnly? from = null, DateOnly? to = null)
    {
        var errors = Errors(page, pageSize) ?? [];
        foreach (var (field, messages) in PeriodErrors(from, to) ?? [])
        {
            errors[field] = messages;
        }
        return errors;
    }

    /// <summary>An error for a period that runs backwards, or null.</summary>
    public static Dictionary<string, string[]>? PeriodErrors(DateOnly? from, DateOnly? to) =>
        from is not null && to is not null && to < from
            ? new Dictionary<string, string[]> { ["to"] = ["'to' must not be before 'from'."] }
            : null;

    /// <summary>
    /// The escape character <see cref="ContainsPattern"/> uses. Pass it to <c>EF.Functions.ILike(value, pattern, Paging.LikeEscape)</c>:
    /// without it Npgsql writes <c>ESCAPE ''</c>, and a search for "%" or "_" matches everything or nothing.
    /// </summary>
    public const string LikeEscape = "\\";

    /// <summary>A LIKE pattern matching <paramref name="search"/> anywhere, with its wildcards escaped.</summary>
    public static string ContainsPattern(string search) =>
        $"%{search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
}
