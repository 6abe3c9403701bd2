using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;
using UglyToad.PdfPig.Writer;

namespace Advocacy.Modules.Reports.Exports;

/// <summary>A column of <see cref="PdfLayout.Table"/>: its header, its share of the width, numbers aligned right.</summary>
internal sealed record PdfColumn(string Header, double Weight, bool Numeric = false);

/// <summary>
/// Lays A4 pages out top to bottom with PdfPig, which only draws text on one line where it is told: this wraps text
/// to the width, breaks pages when the next piece does not fit, and repeats a table's header row on each new page.
/// Coordinates are PDF points from the bottom left; <see cref="Y"/> is the top of the space left on the page.
/// PdfPig keeps every page in memory until <see cref="Build"/>.
/// </summary>
internal sealed class PdfLayout
{
    public const double Margin = 48;
    private const double LineSpacing = 1.3;
    private const double FooterSize = 7;
    private const double CellPadding = 3;
    private const int MaxCellLines = 6;

    private static readonly Rgb HeaderFill = new(222, 230, 239);
    private static readonly Rgb RowRule = new(200, 200, 200);

    private readonly PdfDocumentBuilder builder = new();
    private readonly Face regular;
    private readonly Face bold;
    private PdfPageBuilder page;

    public PdfLayout(string title)
    {
        builder.DocumentInformation.Title = title;
        builder.DocumentInformation.Producer = "Advocacy";
        regular = new Face(builder, DejaVuSans.Regular);
        bold = new Face(builder, DejaVuSans.Bold);
        page = builder.AddPage(PageSize.A4);
        Y = page.PageSize.Height - Margin;
    }

    public double Y { get; private set; }

    public double Left => Margin;

    public double Width => page.PageSize.Width - 2 * Margin;

    /// <summary>The lowest content may go: the footer is below.</summary>
    private double Bottom => Margin + 2 * FooterSize;

    private static double LineHeight(double size) => size * LineSpacing;

    public void NewPage()
    {
        page = builder.AddPage(PageSize.A4);
        Y = page.PageSize.Height - Margin;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void KeepTogether(double height)
    {
        if (Y - height < Bottom)
        {
            NewPage();
        }
    }

    public void Space(double height) => Y -= height;

    /// <summary>Takes <paramref name="height"/> points (on a new page if needed) and returns their top, for drawings.</summary>
    public double Reserve(double height)
    {
        KeepTogether(height);
        var top = Y;
        Y -= height;
        return top;
    }

    public double Measure(string text, double size, bool isBold = false)
    {
        var face = FaceOf(isBold);
        return face.Width(face.Clean(text), size);
    }

    /// <summary>One line of text, not wrapped, its baseline at <paramref name="baseline"/>.</summary>
    public void Text(string text, double x, double baseline, double size, bool isBold = false)
    {
        var face = FaceOf(isBold);
        face.Draw(page, face.Clean(text), x, baseline, size);
    }

    public void TextRight(string text, double right, double baseline, double size, bool isBold = false) =>
        Text(text, right - Measure(text, size, isBold), baseline, size, isBold);

    public void TextCentred(string text, double centre, double baseline, double size, bool isBold = false) =>
        Text(text, centre - Measure(text, size, isBold) / 2, baseline, size, isBold);

    /// <summary>Text wrapped to the width, line by line onto new pages as needed; an empty line is a blank line.</summary>
    public void Paragraph(string text, double size, bool isBold = false)
    {
        foreach (var line in Wrap(text, Width, size, isBold))
        {
            KeepTogether(LineHeight(size));
            Text(line, Left, Baseline(Y, size), size, isBold);
            Y -= LineHeight(size);
        }
    }

    /// <summary>A bold heading, moved to the next page when less than <paramref name="keepWithNext"/> points would follow it.</summary>
    public void Heading(string text, double size, double keepWithNext = 60)
    {
        Space(size * 0.6);
        KeepTogether(Wrap(text, Width, size, isBold: true).Count * LineHeight(size) + keepWithNext);
        Paragraph(text, size, isBold: true);
        Space(size * 0.3);
    }

    public void Fill(double x, double y, double width, double height, Rgb colour)
    {
        // PdfPig fills and strokes: stroke in the same colour, or the rectangle gets a black outline.
        page.SetStrokeColor(colour.R, colour.G, colour.B);
        page.SetTextAndFillColor(colour.R, colour.G, colour.B);
        page.DrawRectangle(new PdfPoint(x, y), width, height, 0.1, fill: true);
        page.ResetColor();
    }

    public void Line(double x1, double y1, double x2, double y2, Rgb colour, double width)
    {
        page.SetStrokeColor(colour.R, colour.G, colour.B);
        page.DrawLine(new PdfPoint(x1, y1), new PdfPoint(x2, y2), width);
        page.ResetColor();
    }

    /// <summary>
    /// A table over the width; rows are enumerated once, as they are drawn. A row that does not fit goes to a new page
    /// under the header row again. A cell shows at most six wrapped lines. Returns the number of rows drawn.
    /// </summary>
    public int Table(IReadOnlyList<PdfColumn> columns, IEnumerable<IReadOnlyList<string>> rows, double size)
    {
        var total = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => Width * c.Weight / total).ToArray();
        var header = Cells(columns.Select(c => c.Header).ToList(), widths, size, isBold: true);
        var count = 0;
        foreach (var row in rows)
        {
            var cells = Cells(row, widths, size, isBold: false);
            // The header row goes with the first row, and again at the top of each page the table runs onto.
            if (count == 0 || Y - RowHeight(cells, size) < Bottom)
            {
                KeepTogether(RowHeight(header, size) + RowHeight(cells, size));
                Row(columns, widths, header, size, isBold: true);
            }
            Row(columns, widths, cells, size, isBold: false);
            count++;
        }
        if (count > 0)
        {
            Space(LineHeight(size));
        }
        return count;
    }

    /// <summary>Adds the footer (title and page number) to every page and returns the document's bytes.</summary>
    public byte[] Build(string footer)
    {
        var pages = builder.Pages.Count;
        foreach (var (number, target) in builder.Pages)
        {
            var pageNumber = $"Page {number} of {pages}";
            var numberWidth = Measure(pageNumber, FooterSize);
            regular.Draw(target, regular.Clean(pageNumber), target.PageSize.Width - Margin - numberWidth, Margin, FooterSize);
            var titleWidth = Width - numberWidth - 20;
            var title = Wrap(footer, titleWidth, FooterSize, isBold: false);
            regular.Draw(target, title.Count == 1 ? title[0] : Shorten(title[0], titleWidth, FooterSize, isBold: false), Margin, Margin, FooterSize);
        }
        return builder.Build();
    }

    /// <summary>Text split into lines no wider than <paramref name="width"/>: at spaces, or inside a word wider than a line.</summary>
    public List<string> Wrap(string text, double width, double size, bool isBold)
    {
        var face = FaceOf(isBold);
        var space = face.Width(" ", size);
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = new StringBuilder();
            var lineWidth = 0.0;
            foreach (var word in face.Clean(paragraph).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var wordWidth = face.Width(word, size);
                if (line.Length > 0 && lineWidth + space + wordWidth <= width)
                {
                    line.Append(' ').Append(word);
                    lineWidth += space + wordWidth;
                    continue;
                }
                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                var rest = word;
                while (wordWidth > width && rest.Length > 1)
                {
                    var fit = face.Fit(rest, width, size);
                    lines.Add(rest[..fit]);
                    rest = rest[fit..];
                    wordWidth = face.Width(rest, size);
                }
                line.Append(rest);
                lineWidth = wordWidth;
            }
            lines.Add(line.ToString());
        }
        return lines;
    }

    private Face FaceOf(bool isBold) => isBold ? bold : regular;

    /// <summary>A line (already cleaned and wrapped) ended with "…", shortened to stay within the width.</summary>
    private string Shorten(string line, double width, double size, bool isBold)
    {
        while (line.Length > 0 && Measure(line + "…", size, isBold) > width)
        {
            line = line[..^1];
        }
        return line.TrimEnd() + "…";
    }

    private static double Baseline(double top, double size) => top - size * 0.95;

    private static double RowHeight(List<string>[] cells, double size) =>
        cells.Max(c => c.Count) * LineHeight(size) + 2 * CellPadding;

    private List<string>[] Cells(IReadOnlyList<string> texts, double[] widths, double size, bool isBold) =>
        texts.Select((text, i) =>
        {
            var width = widths[i] - 2 * CellPadding;
            var lines = Wrap(text, width, size, isBold);
            if (lines.Count > MaxCellLines)
            {
                lines = lines[..MaxCellLines];
                lines[^1] = Shorten(lines[^1], width, size, isBold);
            }
            return lines;
        }).ToArray();

    private void Row(IReadOnlyList<PdfColumn> columns, double[] widths, List<string>[] cells, double size, bool isBold)
    {
        var height = RowHeight(cells, size);
        if (isBold)
        {
            Fill(Left, Y - height, Width, height, HeaderFill);
        }
        var x = Left;
        for (var i = 0; i < cells.Length; i++)
        {
            var baseline = Baseline(Y - CellPadding, size);
            foreach (var line in cells[i])
            {
                if (columns[i].Numeric)
                {
                    TextRight(line, x + widths[i] - CellPadding, baseline, size, isBold);
                }
                else
                {
                    Text(line, x + CellPadding, baseline, size, isBold);
                }
                baseline -= LineHeight(size);
            }
            x += widths[i];
        }
        Y -= height;
        Line(Left, Y, Left + Width, Y, RowRule, 0.3);
    }

    /// <summary>
    /// One face of DejaVu Sans. PdfPig embeds a TrueType font as a simple font, one byte per character, so one font object
    /// holds at most 255 distinct characters (and PdfPig throws on the 256th): past that, this adds the same file again.
    /// PdfPig subsets each copy to the characters drawn with it, so a copy costs little.
    /// </summary>
    private sealed class Face(PdfDocumentBuilder builder, byte[] file)
    {
        private const int CharactersPerCopy = 255;

        private readonly TrueTypeFont metrics = TrueTypeFontParser.Parse(new TrueTypeDataBytes(file));
        private readonly Dictionary<char, double> advances = [];
        private readonly List<(PdfDocumentBuilder.AddedFont Font, HashSet<char> Characters)> copies = [];

        /// <summary>
        /// Control characters (tabs, stray line breaks) become spaces and characters DejaVu Sans has no glyph for (emoji,
        /// CJK) '?': PdfPig throws on either.
        /// </summary>
        public string Clean(string text)
        {
            var clean = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    clean.Append('?');
                }
                else
                {
                    clean.Append(char.IsControl(c) ? ' ' : double.IsNaN(Advance(c)) ? '?' : c);
                }
            }
            return clean.ToString();
        }

        /// <summary>The width of cleaned text: the sum of advance widths, as PdfPig places the glyphs (no kerning).</summary>
        public double Width(string clean, double size)
        {
            var units = 0.0;
            foreach (var c in clean)
            {
                units += Advance(c);
            }
            return units * size / metrics.GetUnitsPerEm();
        }

        /// <summary>How many leading characters of cleaned text fit in the width; at least one.</summary>
        public int Fit(string clean, double width, double size)
        {
            var limit = width * metrics.GetUnitsPerEm() / size;
            var units = 0.0;
            for (var i = 0; i < clean.Length; i++)
            {
                units += Advance(clean[i]);
                if (units > limit)
                {
                    return Math.Max(1, i);
                }
            }
            return clean.Length;
        }

        /// <summary>Draws cleaned text, in runs of characters that share a copy of the font.</summary>
        public void Draw(PdfPageBuilder page, string clean, double x, double baseline, double size)
        {
            var start = 0;
            while (start < clean.Length)
            {
                var font = FontFor(clean[start]);
                var end = start + 1;
                while (end < clean.Length && ReferenceEquals(FontFor(clean[end]), font))
                {
                    end++;
                }
                var run = clean[start..end];
                page.AddText(run, size, new PdfPoint(x, baseline), font);
                x += Width(run, size);
                start = end;
            }
        }

        private double Advance(char c)
        {
            if (!advances.TryGetValue(c, out var advance))
            {
                advance = metrics.TryGetBoundingBox(c, out _) && metrics.TryGetAdvanceWidth(c, out var width) ? width : double.NaN;
                advances[c] = advance;
            }
            return advance;
        }

        private PdfDocumentBuilder.AddedFont FontFor(char c)
        {
            foreach (var copy in copies)
            {
                if (copy.Characters.Contains(c))
                {
                    return copy.Font;
                }
            }
            if (copies.Count == 0 || copies[^1].Characters.Count == CharactersPerCopy)
            {
                copies.Add((builder.AddTrueTypeFont(file), []));
            }
            copies[^1].Characters.Add(c);
            return copies[^1].Font;
        }
    }
}

/// <summary>An RGB colour, 0–255 a channel.</summary>
internal readonly record struct Rgb(byte R, byte G, byte B);

/// <summary>DejaVu Sans (Bitstream Vera licence, see Fonts/LICENSE), embedded in this assembly and read once.</summary>
internal static class DejaVuSans
{
    public static readonly byte[] Regular = Read("DejaVuSans.ttf");
    public static readonly byte[] Bold = Read("DejaVuSans-Bold.ttf");

    private static byte[] Read(string file)
    {
        using var stream = typeof(DejaVuSans).Assembly.GetManifestResourceStream($"Advocacy.Modules.Reports.Exports.Fonts.{file}")
            ?? throw new InvalidOperationException($"The font {file} is not embedded in the Reports module.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
