namespace Advocacy.IntegrationTests.Infrastructure;

/// <summary>The checkout the tests run from: for checks of files kept in the repository (documents, resources).</summary>
internal static class Repository
{
    /// <summary>The directory holding Advocacy.sln, above the test binaries.</summary>
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Advocacy.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Advocacy.sln not found above the test's directory.");
    }
}
