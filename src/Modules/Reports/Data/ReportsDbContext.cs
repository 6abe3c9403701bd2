using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Reports.Activities;
using Advocacy.Modules.Reports.Indicators;
using Advocacy.Modules.Reports.ProjectSummaries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Advocacy.Modules.Reports.Data;

internal sealed class ReportsDbContext(DbContextOptions<ReportsDbContext> options) : DbContext(options)
{
    public DbSet<ProjectSummary> ProjectSummaries => Set<ProjectSummary>();

    public DbSet<ActivityFact> ActivityFacts => Set<ActivityFact>();

    public DbSet<ReachFact> ReachFacts => Set<ReachFact>();

    public DbSet<IndicatorFact> IndicatorFacts => Set<IndicatorFact>();

    public DbSet<MeasurementFact> MeasurementFacts => Set<MeasurementFact>();

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
        modelBuilder.Entity<ActivityFact>(fact =>
        {
            fact.HasKey(f => f.ActivityId);
            fact.Property(f => f.ActivityId).ValueGeneratedNever();
            fact.Property(f => f.Type).HasConversion<string>().HasMaxLength(40);
            fact.Property(f => f.Country).HasMaxLength(2);
            fact.HasMany(f => f.Reach).WithOne().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Cascade);
            // Dashboards read a project's facts by date, and the organisation's by date.
            fact.HasIndex(f => new { f.ProjectId, f.Date }).HasFilter("NOT deleted");
            fact.HasIndex(f => f.Date).HasFilter("NOT deleted");
        });
        modelBuilder.Entity<ReachFact>(reach =>
        {
            reach.ToTable("reach_facts");
            reach.HasKey(r => new { r.ActivityId, r.Audience, r.Gender });
            reach.Property(r => r.Audience).HasConversion<string>().HasMaxLength(20);
            reach.Property(r => r.Gender).HasMaxLength(10);
        });
        modelBuilder.Entity<IndicatorFact>(indicator =>
        {
            indicator.HasKey(i => i.IndicatorId);
            indicator.Property(i => i.IndicatorId).ValueGeneratedNever();
            indicator.HasIndex(i => i.ProjectId);
            indicator.Property(i => i.Code).HasMaxLength(20);
            indicator.Property(i => i.Name).HasMaxLength(500);
            indicator.Property(i => i.Unit).HasMaxLength(50);
            indicator.Property(i => i.Direction).HasConversion<string>().HasMaxLength(20);
            indicator.Property(i => i.Aggregation).HasConversion<string>().HasMaxLength(20);
            indicator.Property(i => i.Baseline).HasPrecision(18, 4);
            indicator.Property(i => i.Target).HasPrecision(18, 4);
        });
        modelBuilder.Entity<MeasurementFact>(measurement =>
        {
            measurement.HasKey(m => m.MeasurementId);
            measurement.Property(m => m.MeasurementId).ValueGeneratedNever();
            measurement.HasIndex(m => new { m.ProjectId, m.IndicatorId });
            measurement.Property(m => m.Value).HasPrecision(18, 4);
            measurement.Property(m => m.Audience).HasConversion<string>().HasMaxLength(20);
            measurement.Property(m => m.Gender).HasConversion<string>().HasMaxLength(10);
            measurement.Property(m => m.AgeBand).HasConversion<string>().HasMaxLength(20);
            measurement.Property(m => m.Country).HasMaxLength(2);
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the host.</summary>
internal sealed class ReportsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<ReportsDbContext>
{
    public ReportsDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.For<ReportsDbContext>(ReportsModule.Schema));
}
