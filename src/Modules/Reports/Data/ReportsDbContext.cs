using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Reports.Activities;
using Advocacy.Modules.Reports.Advocacy;
using Advocacy.Modules.Reports.ApprovedPeriods;
using Advocacy.Modules.Reports.DonorLinks;
using Advocacy.Modules.Reports.DonorReports;
using Advocacy.Modules.Reports.Events;
using Advocacy.Modules.Reports.Exports;
using Advocacy.Modules.Reports.Indicators;
using Advocacy.Modules.Reports.ProjectSummaries;
using Advocacy.Modules.Reports.Publications;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Advocacy.Modules.Reports.Data;

internal sealed class ReportsDbContext(DbContextOptions<ReportsDbContext> options, IHttpContextAccessor? http)
    : ProjectScopedDbContext(options, http)
{
    /// <summary>A context outside any request (design time): every project.</summary>
    public ReportsDbContext(DbContextOptions<ReportsDbContext> options) : this(options, null)
    {
    }

    public DbSet<ProjectSummary> ProjectSummaries => Set<ProjectSummary>();

    public DbSet<ActivityFact> ActivityFacts => Set<ActivityFact>();

    public DbSet<ReachFact> ReachFacts => Set<ReachFact>();

    public DbSet<MonthRollup> MonthRollups => Set<MonthRollup>();

    public DbSet<ActivityRollup> ActivityRollups => Set<ActivityRollup>();

    public DbSet<CountryRollup> CountryRollups => Set<CountryRollup>();

    public DbSet<ReachRollup> ReachRollups => Set<ReachRollup>();

    public DbSet<ProjectTotal> ProjectTotals => Set<ProjectTotal>();

    public DbSet<ActivityTotal> ActivityTotals => Set<ActivityTotal>();

    public DbSet<CountryTotal> CountryTotals => Set<CountryTotal>();

    public DbSet<ReachTotal> ReachTotals => Set<ReachTotal>();

    public DbSet<IndicatorFact> IndicatorFacts => Set<IndicatorFact>();

    public DbSet<MeasurementFact> MeasurementFacts => Set<MeasurementFact>();

    public DbSet<EventFact> EventFacts => Set<EventFact>();

    public DbSet<AskFact> AskFacts => Set<AskFact>();

    public DbSet<OutcomeFact> OutcomeFacts => Set<OutcomeFact>();

    public DbSet<CommitmentFact> CommitmentFacts => Set<CommitmentFact>();

    public DbSet<ApprovedPeriod> ApprovedPeriods => Set<ApprovedPeriod>();

    public DbSet<DonorLink> DonorLinks => Set<DonorLink>();

    public DbSet<DonorReport> DonorReports => Set<DonorReport>();

    public DbSet<ExportJob> ExportJobs => Set<ExportJob>();

    public DbSet<ExportChunk> ExportChunks => Set<ExportChunk>();

    public DbSet<Publication> Publications => Set<Publication>();

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    public DbSet<RecommendationStatusChange> RecommendationStatusChanges => Set<RecommendationStatusChange>();

    /// <summary>
    /// The read model (built from other modules' events, emptied by a rebuild). Publications and
    /// recommendations are Reports' own source data and are not among them.
    /// </summary>
    public static readonly IReadOnlyList<Type> ReadModelTypes =
        [typeof(ProjectSummary), typeof(ActivityFact), typeof(ReachFact), typeof(MonthRollup), typeof(ActivityRollup), typeof(CountryRollup), typeof(ReachRollup), typeof(ProjectTotal), typeof(ActivityTotal), typeof(CountryTotal), typeof(ReachTotal), typeof(IndicatorFact), typeof(MeasurementFact), typeof(EventFact), typeof(ApprovedPeriod),
         typeof(AskFact), typeof(OutcomeFact), typeof(ResponseFact), typeof(CommitmentFact), typeof(InboxMessage)];

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(ReportsModule.Schema);
        modelBuilder.AddOutboxAndInbox().AddAuditEntries();
        modelBuilder.Entity<ProjectSummary>(summary =>
        {
            summary.HasKey(s => s.ProjectId);
            summary.Property(s => s.ProjectId).ValueGeneratedNever();
            summary.Property(s => s.Code).HasMaxLength(30);
            summary.Property(s => s.Name).HasMaxLength(200);
            summary.Property(s => s.Level).HasConversion<string>().HasMaxLength(20);
            summary.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            summary.Property(s => s.BudgetAmount).HasPrecision(18, 2);
            summary.Property(s => s.BudgetCurrency).HasMaxLength(3);
            summary.OwnsMany(s => s.Organisations, organisation =>
            {
                organisation.ToJson();
                organisation.Property(o => o.Role).HasConversion<string>();
            });
        });
        modelBuilder.Entity<ActivityFact>(fact =>
        {
            fact.HasKey(f => f.ActivityId);
            fact.Property(f => f.ActivityId).ValueGeneratedNever();
            fact.Property(f => f.Type).HasConversion<string>().HasMaxLength(40);
            fact.Property(f => f.Country).HasMaxLength(2);
            fact.Property(f => f.Title).HasMaxLength(300);
            fact.Property(f => f.Place).HasMaxLength(300);
            fact.HasMany(f => f.Reach).WithOne().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Cascade);
            // Dashboards read a project's facts by date, and the organisation's by date. A project's facts are
            // spread over the whole table (logged among every other project's), so its index carries what the
            // dashboards aggregate: they read it alone (index-only scan), not one table page per activity.
            fact.HasIndex(f => new { f.ProjectId, f.Date }).HasFilter("NOT deleted")
                .IncludeProperties(f => new { f.ActivityId, f.Type, f.TotalReach, f.Country, f.EventId, f.CoalitionId });
            fact.HasIndex(f => f.Date).HasFilter("NOT deleted");
            // The organisation's events held are counted over the facts (a distinct count does not add up
            // across months); the few facts of events are all this index holds.
            fact.HasIndex(f => f.Date, "EventsHeld").HasDatabaseName("ix_activity_facts_events_held").HasFilter("event_id IS NOT NULL AND NOT deleted")
                .IncludeProperties(f => new { f.EventId, f.ProjectId });
        });
        modelBuilder.Entity<MonthRollup>(rollup => rollup.HasKey(r => new { r.ProjectId, r.Month }));
        modelBuilder.Entity<ActivityRollup>(rollup =>
        {
            rollup.HasKey(r => new { r.ProjectId, r.Month, r.Type });
            rollup.Property(r => r.Type).HasConversion<string>().HasMaxLength(40);
        });
        modelBuilder.Entity<CountryRollup>(rollup =>
        {
            rollup.HasKey(r => new { r.ProjectId, r.Month, r.Country });
            rollup.Property(r => r.Country).HasMaxLength(2);
        });
        modelBuilder.Entity<ReachRollup>(rollup =>
        {
            rollup.HasKey(r => new { r.ProjectId, r.Month, r.Audience });
            rollup.Property(r => r.Audience).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<ProjectTotal>(total => total.HasKey(t => t.ProjectId));
        modelBuilder.Entity<ActivityTotal>(total =>
        {
            total.HasKey(t => new { t.ProjectId, t.Type });
            total.Property(t => t.Type).HasConversion<string>().HasMaxLength(40);
        });
        modelBuilder.Entity<CountryTotal>(total =>
        {
            total.HasKey(t => new { t.ProjectId, t.Country });
            total.Property(t => t.Country).HasMaxLength(2);
        });
        modelBuilder.Entity<ReachTotal>(total =>
        {
            total.HasKey(t => new { t.ProjectId, t.Audience });
            total.Property(t => t.Audience).HasConversion<string>().HasMaxLength(20);
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
            indicator.OwnsMany(i => i.NameTranslations, translation => translation.ToJson());
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
        modelBuilder.Entity<EventFact>(fact =>
        {
            fact.HasKey(f => f.EventId);
            fact.Property(f => f.EventId).ValueGeneratedNever();
            fact.Property(f => f.Title).HasMaxLength(300);
            fact.Property(f => f.Kind).HasConversion<string>().HasMaxLength(30);
            fact.Property(f => f.Place).HasMaxLength(300);
            fact.Property(f => f.Country).HasMaxLength(2);
            fact.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
            fact.HasIndex(f => f.StartsOn);
        });
        modelBuilder.Entity<AskFact>(ask =>
        {
            ask.HasKey(a => a.AskId);
            ask.Property(a => a.AskId).ValueGeneratedNever();
            ask.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            ask.HasIndex(a => a.ProjectId);
        });
        modelBuilder.Entity<OutcomeFact>(outcome =>
        {
            outcome.HasKey(o => o.ActivityId);
            outcome.Property(o => o.ActivityId).ValueGeneratedNever();
            outcome.HasMany(o => o.Responses).WithOne().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Cascade);
            outcome.HasIndex(o => new { o.ProjectId, o.Date });
        });
        modelBuilder.Entity<ResponseFact>(response =>
        {
            response.ToTable("response_facts");
            response.HasKey(r => new { r.ActivityId, r.StakeholderId });
            response.Property(r => r.StakeholderKind).HasConversion<string>().HasMaxLength(30);
            response.Property(r => r.Response).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<CommitmentFact>(commitment =>
        {
            commitment.HasKey(c => c.CommitmentId);
            commitment.Property(c => c.CommitmentId).ValueGeneratedNever();
            commitment.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            commitment.Property(c => c.StakeholderKind).HasConversion<string>().HasMaxLength(30);
            commitment.HasIndex(c => new { c.ProjectId, c.MadeOn });
        });
        modelBuilder.Entity<ApprovedPeriod>(period =>
        {
            period.HasKey(p => p.PeriodId);
            period.Property(p => p.PeriodId).ValueGeneratedNever();
            period.HasIndex(p => new { p.ProjectId, p.From });
        });
        modelBuilder.Entity<DonorLink>(link =>
        {
            link.HasKey(l => l.Id);
            link.Property(l => l.Id).ValueGeneratedNever();
            link.Property(l => l.Label).HasMaxLength(200);
            link.Property(l => l.TokenHash).HasMaxLength(64);
            link.Property(l => l.CreatedBy).HasMaxLength(450);
            link.HasIndex(l => l.TokenHash).IsUnique();
            link.HasIndex(l => l.ProjectId);
        });
        modelBuilder.Entity<DonorReport>(report =>
        {
            report.HasKey(r => r.Id);
            report.Property(r => r.Id).ValueGeneratedNever();
            report.Property(r => r.Title).HasMaxLength(DonorReportLimits.Title);
            report.Property(r => r.Donor).HasMaxLength(DonorReportLimits.Donor);
            report.Property(r => r.CreatedBy).HasMaxLength(450);
            report.Property(r => r.Version).IsRowVersion();
            report.OwnsMany(r => r.Sections, section => section.ToJson());
        });
        modelBuilder.Entity<ExportJob>(job =>
        {
            job.HasKey(j => j.Id);
            job.Property(j => j.Id).ValueGeneratedNever();
            job.Property(j => j.Format).HasConversion<string>().HasMaxLength(10);
            job.Property(j => j.Section).HasConversion<string>().HasMaxLength(30);
            job.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
            job.Property(j => j.FileName).HasMaxLength(300);
            job.Property(j => j.ContentType).HasMaxLength(100);
            job.Property(j => j.Error).HasMaxLength(2000);
            job.Property(j => j.RequestedBy).HasMaxLength(450);
            job.HasOne<DonorReport>().WithMany().HasForeignKey(j => j.DonorReportId).OnDelete(DeleteBehavior.Cascade);
            // The runner picks the oldest queued job.
            job.HasIndex(j => j.RequestedAt).HasFilter("status = 'Queued'");
        });
        modelBuilder.Entity<ExportChunk>(chunk =>
        {
            chunk.HasKey(c => new { c.JobId, c.Sequence });
            chunk.HasOne<ExportJob>().WithMany().HasForeignKey(c => c.JobId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Publication>(publication =>
        {
            publication.HasKey(p => p.Id);
            publication.Property(p => p.Id).ValueGeneratedNever();
            publication.Property(p => p.Title).HasMaxLength(PublicationLimits.Title);
            publication.OwnsMany(p => p.TitleTranslations, translation => translation.ToJson());
            publication.Property(p => p.Type).HasConversion<string>().HasMaxLength(30);
            publication.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            publication.Property(p => p.Description).HasMaxLength(PublicationLimits.Text);
            publication.Property(p => p.Link).HasMaxLength(PublicationLimits.Url);
            publication.Property(p => p.CreatedBy).HasMaxLength(450);
            publication.Property(p => p.Version).IsRowVersion();
            publication.HasIndex(p => p.PublishedOn);
        });
        modelBuilder.Entity<Recommendation>(recommendation =>
        {
            recommendation.HasKey(r => r.Id);
            recommendation.Property(r => r.Id).ValueGeneratedNever();
            recommendation.Property(r => r.Text).HasMaxLength(PublicationLimits.Text);
            recommendation.Property(r => r.AddressedTo).HasConversion<string>().HasMaxLength(30);
            recommendation.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            recommendation.Property(r => r.Version).IsRowVersion();
            recommendation.HasOne<Publication>().WithMany().HasForeignKey(r => r.PublicationId).OnDelete(DeleteBehavior.Cascade);
            recommendation.HasMany(r => r.History).WithOne().HasForeignKey(h => h.RecommendationId).OnDelete(DeleteBehavior.Cascade);
            recommendation.HasIndex(r => new { r.Status, r.AddressedTo });
        });
        modelBuilder.Entity<RecommendationStatusChange>(change =>
        {
            change.HasKey(c => c.Id);
            change.Property(c => c.Id).ValueGeneratedNever();
            change.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
            change.Property(c => c.To).HasConversion<string>().HasMaxLength(20);
            change.Property(c => c.Evidence).HasMaxLength(PublicationLimits.Text);
            change.Property(c => c.ChangedBy).HasMaxLength(450);
        });

        // Per-project access (ADR 0016): a staff member's figures, dashboards and donor reports cover their
        // projects only. A donor's report spans projects: only managers and admins reach it.
        FilterByProject<ProjectSummary>(modelBuilder, s => s.ProjectId);
        FilterByProject<ActivityFact>(modelBuilder, f => f.ProjectId);
        FilterByProject<MonthRollup>(modelBuilder, r => r.ProjectId);
        FilterByProject<ActivityRollup>(modelBuilder, r => r.ProjectId);
        FilterByProject<CountryRollup>(modelBuilder, r => r.ProjectId);
        FilterByProject<ReachRollup>(modelBuilder, r => r.ProjectId);
        FilterByProject<ProjectTotal>(modelBuilder, t => t.ProjectId);
        FilterByProject<ActivityTotal>(modelBuilder, t => t.ProjectId);
        FilterByProject<CountryTotal>(modelBuilder, t => t.ProjectId);
        FilterByProject<ReachTotal>(modelBuilder, t => t.ProjectId);
        FilterByProject<IndicatorFact>(modelBuilder, f => f.ProjectId);
        FilterByProject<MeasurementFact>(modelBuilder, f => f.ProjectId);
        FilterByProject<AskFact>(modelBuilder, f => f.ProjectId);
        FilterByProject<OutcomeFact>(modelBuilder, f => f.ProjectId);
        FilterByProject<CommitmentFact>(modelBuilder, f => f.ProjectId);
        FilterByProject<ApprovedPeriod>(modelBuilder, p => p.ProjectId);
        FilterByProject<DonorLink>(modelBuilder, l => l.ProjectId);
        FilterByProject<DonorReport>(modelBuilder, r => r.ProjectId ?? Guid.Empty);
        modelBuilder.Entity<ExportJob>().HasQueryFilter(ProjectAccess.FilterName, j => AllProjects || DonorReports.Any(r => r.Id == j.DonorReportId));
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the host.</summary>
internal sealed class ReportsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<ReportsDbContext>
{
    public ReportsDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.For<ReportsDbContext>(ReportsModule.Schema));
}
