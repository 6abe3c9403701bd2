using System.Globalization;

namespace Advocacy.BuildingBlocks.Web;

/// <summary>
/// How pages show dates and numbers: in the reader's culture (the host sets CurrentCulture from the
/// chosen language for page requests; the API stays invariant).
/// </summary>
public static class Display
{
    /// <summary>A date as the reader's language writes it in full, e.g. "18 November 2026", "18 novembre 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A date and time, short, in the reader's culture.</summary>
    public static string DateTime(DateTimeOffset moment) => moment.ToString("g", CultureInfo.CurrentCulture);

    /// <summary>A whole number with the reader's group separator, e.g. "2,100", "2 100", "2.100".</summary>
    public static string Number(int number) => number.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A country's name in the reader's language, else its code.</summary>
    public static string Country(string code)
    {
        try
        {
            return new RegionInfo(code).DisplayName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }
}
