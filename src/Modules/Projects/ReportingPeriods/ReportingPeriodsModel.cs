using Advocacy.Modules.Projects.Projects;

namespace Advocacy.Modules.Projects.ReportingPeriods;

/// <summary>The reporting periods' tables in the <c>projects</c> schema.</summary>
internal static class ReportingPeriodsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReportingPeriod>(period =>
        {
            // Ids are made here (version 7): entries added to a tracked period's history must be inserted, not updated.
            period.Property(p => p.Id).ValueGeneratedNever();
            period.HasOne<Project>().WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Restrict);
            // "from" and "to" are SQL keywords: spare every hand-written query the quoting.
            period.Property(p => p.From).HasColumnName("from_date");
            period.Property(p => p.To).HasColumnName("to_date");
            period.ToTable(t => t.HasCheckConstraint("ck_reporting_periods_dates", "to_date >= from_date"));
            period.HasIndex(p => new { p.ProjectId, p.From }).IsUnique();
            // What awaits approval across projects.
            period.HasIndex(p => p.Status);
            period.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            period.Property(p => p.CreatedBy).HasMaxLength(450);
            period.Property(p => p.ApprovedBy).HasMaxLength(450);
            period.Property(p => p.Version).IsRowVersion();
            period.HasMany(p => p.History).WithOne().HasForeignKey(e => e.PeriodId).OnDelete(DeleteBehavior.Cascade);
            period.Ignore(p => p.IsLocked);
            period.Ignore(p => p.Span);
            period.Ignore(p => p.WasEverApproved);
        });

        modelBuilder.Entity<ReportingPeriodEntry>(entry =>
        {
            entry.ToTable("reporting_period_history");
            entry.Property(e => e.Id).ValueGeneratedNever();
            entry.HasIndex(e => new { e.PeriodId, e.At });
            entry.Property(e => e.By).HasMaxLength(450);
            entry.Property(e => e.ByName).HasMaxLength(256);
            entry.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(20);
            entry.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(20);
            entry.Property(e => e.Comment).HasMaxLength(ReportingPeriod.CommentMaxLength);
        });

        modelBuilder.Entity<ReportingPeriodChange>(change =>
        {
            change.Property(c => c.Id).ValueGeneratedNever();
            change.HasOne<ReportingPeriod>().WithMany().HasForeignKey(c => c.PeriodId).OnDelete(DeleteBehavior.Restrict);
            change.HasIndex(c => new { c.PeriodId, c.ApprovalRound });
            change.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
            change.Property(c => c.Title).HasMaxLength(400);
            change.Property(c => c.Source).HasMaxLength(100);
            change.Property(c => c.RecordedAt).HasDefaultValueSql("now()");
        });
    }
}
