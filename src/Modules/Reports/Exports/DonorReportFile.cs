using System.Globalization;
using Advocacy.Modules.Reports.DonorReports;
using MiniExcelLibs;
using MiniExcelLibs.Csv;
using MiniExcelLibs.OpenXml;

namespace Advocacy.Modules.Reports.Exports;

/// <summary>Writes a donor report in one of the export formats, whether streamed at once or by a background job.</summary>
internal static class DonorReportFile
{
    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ExportFormat.Csv => "text/csv; charset=utf-8; header=present",
        ExportFormat.Pdf => "application/pdf",
        ExportFormat.Iati => "application/xml; charset=utf-8",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static string FileName(DonorReport report, ExportFormat format, ExportSection? section)
    {
        var name = new string(report.Title.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        var stem = $"{(name.Length > 80 ? name[..80] : name)}-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}";
        return format switch
        {
            ExportFormat.Xlsx => $"{stem}.xlsx",
            ExportFormat.Csv => $"{stem}-{(section ?? ExportSection.Activities).ToString().ToLowerInvariant()}.csv",
            ExportFormat.Pdf => $"{stem}.pdf",
            _ => $"{stem}-iati.xml",
        };
    }

    /// <summary>
    /// Whether the file shows the report's figures. The CSV of the activity list does not: it need not wait for
    /// them to be computed over every activity before its first row (at a million activities, seconds).
    /// </summary>
    public static bool NeedsFigures(ExportFormat format, ExportSection? section) =>
        format != ExportFormat.Csv || (section ?? ExportSection.Activities) != ExportSection.Activities;

    /// <summary>
    /// Writes the file to <paramref name="output"/> synchronously (the writers are synchronous), reading
    /// the activities as it goes so memory stays flat whatever their number, and telling
    /// <paramref name="progress"/> how many went by every thousand. <paramref name="content"/> may be null only
    /// when the file does not <see cref="NeedsFigures"/>.
    /// </summary>
    public static void Write(
        ExportFormat format, ExportSection? section, DonorReportContent? content, IQueryable<ActivityRow> query, long activityCount,
        IatiOrganisation publisher, Action<long>? progress, Stream output)
    {
        // The PDF lists the first activities only; asking the database for just those spares reading the rest.
        var rows = format == ExportFormat.Pdf ? query.Take(DonorReportPdf.MaxActivities).AsEnumerable() : query.AsEnumerable();
        var activities = progress is null ? rows : Counted(rows, progress);
        if (!NeedsFigures(format, section))
        {
            WriteCsv(DonorReportSheets.ActivityRows(activities), output);
            return;
        }
        ArgumentNullException.ThrowIfNull(content);
        switch (format)
        {
            case ExportFormat.Xlsx:
                var sheets = Enum.GetValues<ExportSection>().ToDictionary(
                    DonorReportSheets.SheetName, s => DonorReportSheets.Rows(s, content, activities));
                MiniExcel.SaveAs(output, sheets, configuration: new OpenXmlConfiguration
                {
                    FreezeRowCount = 1,
                    // Auto width measures every cell of a column: wasted work over a million rows.
                    EnableAutoWidth = false,
                    Culture = CultureInfo.InvariantCulture,
                });
                break;
            case ExportFormat.Csv:
                WriteCsv(DonorReportSheets.Rows(section ?? ExportSection.Activities, content, activities), output);
                break;
            case ExportFormat.Pdf:
                DonorReportPdf.Write(content, activities, activityCount, output);
                break;
            case ExportFormat.Iati:
                // The endpoint lets only a one-project report export to IATI.
                IatiActivityXml.Write(publisher, content, content.Projects.Single(), output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    /// <summary>RFC 4180: comma, CRLF, quotes doubled; UTF-8 with a byte-order mark so spreadsheets read accents right.</summary>
    private static void WriteCsv(object rows, Stream output) =>
        MiniExcel.SaveAs(output, rows, excelType: ExcelType.CSV,
            configuration: new CsvConfiguration { NewLine = "\r\n", QuoteWhitespaces = false, Culture = CultureInfo.InvariantCulture });

    private static IEnumerable<T> Counted<T>(IEnumerable<T> rows, Action<long> progress)
    {
        long done = 0;
        foreach (var row in rows)
        {
            yield return row;
            if (++done % 1000 == 0) progress(done);
        }
    }
}
