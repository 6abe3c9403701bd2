using System.Globalization;
using Advocacy.Modules.Projects.Contracts;
using MiniExcelLibs;
using MiniExcelLibs.Csv;

namespace Advocacy.Modules.Projects.Activities.ImportActivities;

/// <summary>A problem with one cell (or, at row 1, with the header) of an imported sheet.</summary>
internal sealed record RowError(int Row, string Column, string Message);

/// <summary>A row read from the sheet, as the activity form would send it, so the same validator applies.</summary>
internal sealed record SheetRow(int Row, ActivityRequest Activity);

/// <summary>
/// Reads the activity import sheet (XLSX, or CSV separated by commas or semicolons, UTF-8): one row per
/// activity under a header row. Each cell that cannot be read becomes a <see cref="RowError"/> naming
/// its row and column; rows are numbered as a spreadsheet shows them (the header is row 1).
/// </summary>
internal static class ActivitySheet
{
    private static readonly string[] AudienceColumns = ["children", "professionals", "policy_makers", "general_public"];
    private static readonly (string Suffix, Gender? Gender)[] GenderColumns =
        [("", null), ("_female", Contracts.Gender.Female), ("_male", Contracts.Gender.Male), ("_other", Contracts.Gender.Other)];

    public static readonly string[] RequiredColumns = ["date", "type", "title"];

    public static readonly string[] Columns =
    [
        .. RequiredColumns, "notes", "place", "country",
        .. AudienceColumns.SelectMany(a => GenderColumns.Select(g => a + g.Suffix)),
        "indicators", "event_id", "coalition_id", "report_id",
    ];

    /// <summary>The header and an example row, for staff to start from.</summary>
    public static string TemplateCsv() =>
        string.Join(",", Columns) + "\n"
        + "2015-09-08,training,Training for ACCOR Belgium's hotel managers,Detecting child prostitution in hotels,Brussels,BE,"
        + ",,,,18,9,9,,,,,,,,,,,,,\n";

    public static (List<SheetRow> Rows, List<RowError> Errors) Read(Stream stream, bool isXlsx, IReadOnlyDictionary<string, Guid> indicatorCodes)
    {
        var rows = new List<SheetRow>();
        var errors = new List<RowError>();
        var records = isXlsx
            ? MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.XLSX)
            : MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.CSV, configuration: CsvConfigurationFor(stream));

        var rowNumber = 1;
        string[]? header = null;
        foreach (IDictionary<string, object?> record in records)
        {
            rowNumber++;
            if (header is null)
            {
                header = record.Keys.ToArray();
                errors.AddRange(HeaderErrors(header));
                if (errors.Count > 0)
                {
                    return (rows, errors);
                }
            }
            var cells = record.ToDictionary(c => Normalise(c.Key), c => c.Value);
            if (cells.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s))))
            {
                continue;
            }
            rows.Add(ReadRow(rowNumber, cells, indicatorCodes, errors));
        }
        if (header is null)
        {
            errors.Add(new RowError(1, "", $"The file has no header row. Expected columns: {string.Join(", ", Columns)}."));
        }
        else if (rows.Count == 0)
        {
            errors.Add(new RowError(2, "", "The file has a header but no activities."));
        }
        return (rows, errors);
    }

    private static CsvConfiguration CsvConfigurationFor(Stream stream)
    {
        // Excel in Belgium saves CSV with semicolons: take the separator the header line uses.
        var start = stream.Position;
        using var reader = new StreamReader(stream, leaveOpen: true);
        var firstLine = reader.ReadLine() ?? "";
        stream.Position = start;
        var separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        return new CsvConfiguration { Seperator = separator, ReadLineBreaksWithinQuotes = true, ReadEmptyStringAsNull = true };
    }

    private static string Normalise(string column) =>
        column.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');

    private static IEnumerable<RowError> HeaderErrors(string[] header)
    {
        var columns = header.Select(Normalise).ToList();
        foreach (var unknown in columns.Where(c => !Columns.Contains(c)))
        {
            yield return new RowError(1, unknown, $"Unknown column. Expected columns: {string.Join(", ", Columns)}.");
        }
        foreach (var missing in RequiredColumns.Where(c => !columns.Contains(c)))
        {
            yield return new RowError(1, missing, "This column is required.");
        }
        foreach (var twice in columns.GroupBy(c => c).Where(g => g.Count() > 1))
        {
            yield return new RowError(1, twice.Key, "This column appears twice.");
        }
    }

    private static SheetRow ReadRow(int row, Dictionary<string, object?> cells, IReadOnlyDictionary<string, Guid> indicatorCodes, List<RowError> errors)
    {
        string? Text(string column) => cells.TryGetValue(column, out var value) ? CellText(value) : null;
        void Error(string column, string message) => errors.Add(new RowError(row, column, message));

        var type = ReadType(Text("type"), message => Error("type", message));
        var date = ReadDate(cells.GetValueOrDefault("date"), message => Error("date", message));

        var reach = new List<ReachInput>();
        foreach (var audience in AudienceColumns)
        {
            foreach (var (suffix, gender) in GenderColumns)
            {
                var column = audience + suffix;
                if (Text(column) is not { } text)
                {
                    continue;
                }
                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var count) || count != decimal.Truncate(count))
                {
                    Error(column, $"'{text}' is not a whole number of people.");
                }
                else if (count < 0 || count > ActivityRequestValidator.MaxReachPerAudience)
                {
                    Error(column, $"The number of people must be between 0 and {ActivityRequestValidator.MaxReachPerAudience:N0}.");
                }
                else
                {
                    reach.Add(new ReachInput(Enum.Parse<Audience>(audience.Replace("_", ""), ignoreCase: true), gender, (int)count));
                }
            }
        }

        var indicators = new List<Guid>();
        foreach (var code in (Text("indicators") ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (indicatorCodes.TryGetValue(code, out var id))
            {
                indicators.Add(id);
            }
            else
            {
                Error("indicators", $"'{code}' is not an indicator code of this project.");
            }
        }

        return new SheetRow(row, new ActivityRequest(
            type, date, Text("title") ?? "", Text("notes"), Text("place"), Text("country")?.ToUpperInvariant(), reach, indicators,
            ReadGuid(Text("event_id"), message => Error("event_id", message)),
            ReadGuid(Text("coalition_id"), message => Error("coalition_id", message)),
            ReadGuid(Text("report_id"), message => Error("report_id", message))));
    }

    private static string? CellText(object? value) => value switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        double d => d.ToString(CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static ActivityType? ReadType(string? text, Action<string> error)
    {
        if (text is null)
        {
            error("The type is required.");
            return null;
        }
        // "Meeting with policy makers", "meetingWithPolicyMakers" and "meeting_with_policy_makers" all name the same type.
        var key = new string(text.Where(char.IsLetter).ToArray());
        foreach (var type in Enum.GetValues<ActivityType>())
        {
            if (string.Equals(type.ToString(), key, StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }
        }
        error($"'{text}' is not an activity type. Types: {string.Join(", ", Enum.GetNames<ActivityType>())}.");
        return null;
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy"];

    private static DateOnly? ReadDate(object? value, Action<string> error)
    {
        switch (value)
        {
            case DateTime dateTime:
                return DateOnly.FromDateTime(dateTime);
            case double serial when serial is > 0 and < 2958466:
                return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }
        var text = CellText(value);
        if (text is null)
        {
            error("The date is required.");
            return null;
        }
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        error($"'{text}' is not a date; write it as 2015-09-08 (or 08/09/2015).");
        return null;
    }

    private static Guid? ReadGuid(string? text, Action<string> error)
    {
        if (text is null)
        {
            return null;
        }
        if (Guid.TryParse(text, out var id))
        {
            return id;
        }
        error($"'{text}' is not an id.");
        return null;
    }
}
