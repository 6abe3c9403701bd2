using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Coalitions.Coalitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Advocacy.Modules.Coalitions.Data;

internal sealed class CoalitionsDbContext(DbContextOptions<CoalitionsDbContext> options) : DbContext(options)
{
    public DbSet<Coalition> Coalitions => Set<Coalition>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(CoalitionsModule.Schema);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<Coalition>(coalition =>
        {
            coalition.HasIndex(c => c.Name).IsUnique();
            coalition.Property(c => c.Name).HasMaxLength(Coalition.NameMaxLength);
            coalition.Property(c => c.Website).HasMaxLength(500);
            coalition.Property(c => c.Level).HasConversion<string>().HasMaxLength(20);
            coalition.Property(c => c.Version).IsRowVersion();
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the host.</summary>
internal sealed class CoalitionsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<CoalitionsDbContext>
{
    public CoalitionsDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.For<CoalitionsDbContext>(CoalitionsModule.Schema));
}
