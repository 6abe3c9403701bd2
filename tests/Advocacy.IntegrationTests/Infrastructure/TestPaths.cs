namespace Advocacy.IntegrationTests.Infrastructure;

/// <summary>Where the tests find the repository's scripts.</summary>
public static class TestPaths
{
    /// <summary>The folder holding Advocacy.sln, above the tests' output folder.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Advocacy.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (Advocacy.sln) is not above the test's folder.");
    }
}
