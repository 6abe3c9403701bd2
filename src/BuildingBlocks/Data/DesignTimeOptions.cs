using Microsoft.EntityFrameworkCore;

namespace Advocacy.BuildingBlocks.Data;

/// <summary>
/// Options for the design-time factories <c>dotnet ef migrations add</c> uses. Adding a migration
/// never connects, so a placeholder connection string is enough unless the caller sets one.
/// </summary>
public static class DesignTimeOptions
{
    public static DbContextOptions<TContext> For<TContext>(string schema) where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        builder.UseModuleDatabase(
            Environment.GetEnvironmentVariable("ConnectionStrings__Advocacy") ?? "Host=localhost;Database=advocacy_design",
            schema);
        return builder.Options;
    }
}
