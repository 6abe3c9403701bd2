using System.Globalization;

namespace Advocacy.BuildingBlocks.Text;

/// <summary>
/// Fills the numbered holes of a message read from resources ("At most {0} projects.") in the request's
/// culture. Validation messages come from each assembly's <c>ValidationMessages</c> resources (shared ones
/// from <see cref="SharedMessages"/>), read when a rule fails, so they follow the request's UI culture.
/// </summary>
public static class MessageText
{
    /// <summary>The message with its holes filled; FluentValidation's own placeholders ({PropertyValue}) are left for it to fill.</summary>
    public static string With(this string message, params object?[] values) =>
        string.Format(CultureInfo.CurrentCulture, message, values);
}
