using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Activities;
using Advocacy.Modules.Projects.Deliverables;
using Advocacy.Modules.Projects.Projects;
using Advocacy.Modules.Projects.ReportingPeriods;
using Advocacy.Modules.Projects.Results;
using Advocacy.Modules.Projects.Results.DisaggregationSets;
using Microsoft.EntityFrameworkCore.Design;

namespace Advocacy.Modules.Projects.Data;

internal sealed partial class ProjectsDbContext(DbContextOptions<ProjectsDbContext> options, IHttpContextAccessor? http)
    : ProjectScopedDbContext(options, http)
{
    /// <summary>A context outside any request (design time): every project.</summary>
    public ProjectsDbContext(DbContextOptions<ProjectsDbContext> options) : this(options, null)
    {
    }

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<Objective> Objectives => Set<Objective>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<Measurement> Measurements => Set<Measurement>();

    public DbSet<Deliverable> Deliverables => Set<Deliverable>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<DisaggregationSet> DisaggregationSets => Set<DisaggregationSet>();

    public DbSet<ReportingPeriod> ReportingPeriods => Set<ReportingPeriod>();

    public DbSet<ReportingPeriodChange> ReportingPeriodChanges => Set<ReportingPeriodChange>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(ProjectsModule.Schema);
        modelBuilder.AddOutboxAndInbox().AddAuditEntries();

        modelBuilder.Entity<Project>(project =>
        {
            project.HasIndex(p => p.Code).IsUnique();
            project.Property(p => p.Code).HasMaxLength(Project.CodeMaxLength);
            project.Property(p => p.Name).HasMaxLength(Project.NameMaxLength);
            project.Property(p => p.Summary).HasMaxLength(Project.SummaryMaxLength);
            project.OwnsMany(p => p.NameTranslations, translation => translation.ToJson());
            project.OwnsMany(p => p.SummaryTranslations, translation => translation.ToJson());
            project.Property(p => p.Level).HasConversion<string>().HasMaxLength(20);
            project.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            project.Property(p => p.BudgetAmount).HasPrecision(18, 2);
            project.Property(p => p.BudgetCurrency).HasMaxLength(3);
            project.OwnsMany(p => p.Organisations, organisation =>
            {
                organisation.ToJson();
                organisation.Property(o => o.Role).HasConversion<string>();
            });
            project.Property(p => p.Version).IsRowVersion();
        });

        modelBuilder.Entity<Objective>(objective =>
        {
            objective.HasOne<Project>().WithMany().HasForeignKey(o => o.ProjectId).OnDelete(DeleteBehavior.Restrict);
            objective.HasIndex(o => new { o.ProjectId, o.Code }).IsUnique();
            objective.Property(o => o.Code).HasMaxLength(Objective.CodeMaxLength);
            objective.Property(o => o.Title).HasMaxLength(Objective.TitleMaxLength);
            objective.Property(o => o.Description).HasMaxLength(4000);
            objective.Property(o => o.Version).IsRowVersion();
        });

        modelBuilder.Entity<Indicator>(indicator =>
        {
            indicator.HasOne<Project>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Restrict);
            indicator.HasOne<Objective>().WithMany().HasForeignKey(i => i.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
            indicator.HasIndex(i => new { i.ProjectId, i.Code }).IsUnique();
            indicator.Property(i => i.Code).HasMaxLength(Indicator.CodeMaxLength);
            indicator.Property(i => i.Name).HasMaxLength(Indicator.NameMaxLength);
            indicator.Property(i => i.Unit).HasMaxLength(Indicator.UnitMaxLength);
            indicator.Property(i => i.Direction).HasConversion<string>().HasMaxLength(20);
            indicator.Property(i => i.Aggregation).HasConversion<string>().HasMaxLength(20);
            indicator.Property(i => i.Frequency).HasConversion<string>().HasMaxLength(20);
            indicator.Property(i => i.Baseline).HasPrecision(18, 4);
            indicator.Property(i => i.Target).HasPrecision(18, 4);
            indicator.Property(i => i.Version).IsRowVersion();
            indicator.OwnsMany(i => i.NameTranslations, translation => translation.ToJson());
            // ADR 0012: the rule of an indicator that counts itself, and the sets its typed values are broken down by.
            indicator.Property(i => i.DisaggregationSetIds).HasDefaultValueSql("'{}'");
            indicator.OwnsOne(i => i.Rule, rule =>
            {
                rule.ToJson();
                rule.Property(r => r.Kind).HasConversion<string>();
                rule.Property(r => r.PeriodLength).HasConversion<string>();
                rule.PrimitiveCollection(r => r.ActivityTypes).ElementType(e => e.HasConversion<string>());
                rule.PrimitiveCollection(r => r.Audiences).ElementType(e => e.HasConversion<string>());
                rule.PrimitiveCollection(r => r.Genders).ElementType(e => e.HasConversion<string>());
                rule.PrimitiveCollection(r => r.StakeholderKinds).ElementType(e => e.HasConversion<string>());
            });
        });

        modelBuilder.Entity<Measurement>(measurement =>
        {
            measurement.HasOne<Indicator>().WithMany().HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Restrict);
            // One value per indicator, period and slice; NULLS NOT DISTINCT makes "everyone" a slice too.
            measurement.HasIndex(m => new { m.IndicatorId, m.PeriodStart, m.PeriodEnd, m.Audience, m.Gender, m.AgeBand, m.Country })
                .IsUnique().AreNullsDistinct(false);
            measurement.HasIndex(m => m.ProjectId);
            measurement.Property(m => m.Value).HasPrecision(18, 4);
            measurement.Property(m => m.Audience).HasConversion<string>().HasMaxLength(20);
            measurement.Property(m => m.Gender).HasConversion<string>().HasMaxLength(10);
            measurement.Property(m => m.AgeBand).HasConversion<string>().HasMaxLength(20);
            measurement.Property(m => m.Country).HasMaxLength(2);
            measurement.Property(m => m.Notes).HasMaxLength(Measurement.NotesMaxLength);
            measurement.Property(m => m.RecordedBy).HasMaxLength(450);
            measurement.Property(m => m.Version).IsRowVersion();
            measurement.Property(m => m.SourceActivityIds).HasDefaultValueSql("'{}'");
        });

        modelBuilder.Entity<DisaggregationSet>(set =>
        {
            set.HasIndex(s => s.Name).IsUnique();
            set.Property(s => s.Name).HasMaxLength(DisaggregationSet.NameMaxLength);
            set.Property(s => s.Dimension).HasConversion<string>().HasMaxLength(20);
            set.Property(s => s.Version).IsRowVersion();
        });

        modelBuilder.Entity<Deliverable>(deliverable =>
        {
            deliverable.HasOne<Project>().WithMany().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Restrict);
            deliverable.HasIndex(d => new { d.ProjectId, d.Title }).IsUnique();
            deliverable.Property(d => d.Title).HasMaxLength(Deliverable.TitleMaxLength);
            deliverable.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
            deliverable.Property(d => d.Description).HasMaxLength(4000);
            deliverable.Property(d => d.Version).IsRowVersion();
            deliverable.HasMany(d => d.Languages).WithOne().HasForeignKey(l => l.DeliverableId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<DeliverableLanguage>(language =>
        {
            language.ToTable("deliverable_languages");
            language.HasKey(l => new { l.DeliverableId, l.Language });
            language.Property(l => l.Language).HasMaxLength(20);
            language.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
            language.Property(l => l.Url).HasMaxLength(DeliverableLanguage.UrlMaxLength);
        });

        modelBuilder.Entity<Activity>(activity =>
        {
            activity.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Restrict);
            activity.Property(a => a.Type).HasConversion<string>().HasMaxLength(40);
            activity.Property(a => a.Title).HasMaxLength(Activity.TitleMaxLength);
            activity.Property(a => a.Notes).HasMaxLength(Activity.NotesMaxLength);
            activity.Property(a => a.Place).HasMaxLength(Activity.PlaceMaxLength);
            activity.Property(a => a.Country).HasMaxLength(2);
            activity.Property(a => a.Source).HasConversion<string>().HasMaxLength(20);
            activity.Property(a => a.SourceKey).HasMaxLength(100);
            activity.HasIndex(a => new { a.SourceKey, a.ProjectId }).IsUnique().HasFilter("source_key IS NOT NULL");
            activity.Property(a => a.LoggedBy).HasMaxLength(450);
            activity.Property(a => a.LoggedByName).HasMaxLength(256);
            activity.Property(a => a.UpdatedBy).HasMaxLength(450);
            activity.Property(a => a.DeletedBy).HasMaxLength(450);
            activity.OwnsMany(a => a.Reach, reach =>
            {
                reach.ToJson();
                reach.Property(r => r.Audience).HasConversion<string>();
                reach.Property(r => r.Gender).HasConversion<string>();
            });
            activity.Ignore(a => a.TotalReach);
            // The lists staff and managers use: a project's log by date, everyone's by date, mine.
            activity.HasIndex(a => new { a.ProjectId, a.Date });
            activity.HasIndex(a => a.Date);
            activity.HasIndex(a => new { a.LoggedBy, a.Date });
            activity.Property(a => a.Version).IsRowVersion();
        });

        ReportingPeriodsModel.Configure(modelBuilder);
        ConfigureAdvocacy(modelBuilder);
        ConfigureProjectAccess(modelBuilder);
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the host.</summary>
internal sealed class ProjectsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<ProjectsDbContext>
{
    public ProjectsDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.For<ProjectsDbContext>(ProjectsModule.Schema));
}
