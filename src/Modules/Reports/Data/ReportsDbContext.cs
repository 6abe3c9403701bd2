using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Reports.ProjectSummaries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Advocacy.Modules.Reports.Data;

internal sealed class ReportsDbContext(DbContextOptions<ReportsDbContext> options) : DbContext(options)
{
    public DbSet<ProjectSummary> ProjectSummaries => Set<ProjectSummary>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(ReportsModule.Schema);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<ProjectSummary>(summary =>
        {
            summary.HasKey(s => s.ProjectId);
            summary.Property(s => s.ProjectId).ValueGeneratedNever();
            summary.Property(s => s.Code).HasMaxLength(30);
            summary.Property(s => s.Name).HasMaxLength(200);
            summary.Property(s => s.Level).HasConversion<string>().HasMaxLength(20);
            summary.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the host.</summary>
internal sealed class ReportsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<ReportsDbContext>
{
    public ReportsDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.For<ReportsDbContext>(ReportsModule.Schema));
}
