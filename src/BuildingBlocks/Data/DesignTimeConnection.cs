namespace Advocacy.BuildingBlocks.Data;

/// <summary>
/// The connection string <c>dotnet ef</c> uses when adding migrations. Adding a migration never
/// connects, so a placeholder is enough unless the caller sets one.
/// </summary>
public static class DesignTimeConnection
{
    public static string Value =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Advocacy") ?? "Host=localhost;Database=advocacy_design";
}
