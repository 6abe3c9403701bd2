using Advocacy.Modules.Projects.Activities;
using Advocacy.Modules.Projects.Asks;
using Advocacy.Modules.Projects.Outcomes;
using Advocacy.Modules.Projects.Projects;
using Advocacy.Modules.Projects.Stakeholders;

namespace Advocacy.Modules.Projects.Data;

/// <summary>Stakeholders, asks and the outcomes of advocacy activities (ADR 0010).</summary>
internal sealed partial class ProjectsDbContext
{
    public DbSet<Stakeholder> Stakeholders => Set<Stakeholder>();

    public DbSet<Ask> Asks => Set<Ask>();

    public DbSet<AskStatusChange> AskStatusChanges => Set<AskStatusChange>();

    public DbSet<ActivityOutcome> ActivityOutcomes => Set<ActivityOutcome>();

    public DbSet<Commitment> Commitments => Set<Commitment>();

    public DbSet<CommitmentStatusChange> CommitmentStatusChanges => Set<CommitmentStatusChange>();

    public DbSet<FollowUp> FollowUps => Set<FollowUp>();

    private static void ConfigureAdvocacy(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Stakeholder>(stakeholder =>
        {
            stakeholder.Property(s => s.Name).HasMaxLength(AdvocacyLimits.Name);
            stakeholder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
            stakeholder.Property(s => s.Level).HasConversion<string>().HasMaxLength(20);
            stakeholder.Property(s => s.Country).HasMaxLength(2);
            stakeholder.Property(s => s.Function).HasMaxLength(AdvocacyLimits.Name);
            stakeholder.Property(s => s.Party).HasMaxLength(AdvocacyLimits.Name);
            stakeholder.Property(s => s.CreatedBy).HasMaxLength(AdvocacyLimits.UserId);
            stakeholder.HasOne<Stakeholder>().WithMany().HasForeignKey(s => s.ParentId).OnDelete(DeleteBehavior.Restrict);
            // One name per parent (top-level ones included); the endpoints also refuse a name differing only in case.
            stakeholder.HasIndex(s => new { s.ParentId, s.Name }).IsUnique().AreNullsDistinct(false);
            stakeholder.HasIndex(s => new { s.Kind, s.Level, s.Country });
            stakeholder.Property(s => s.Version).IsRowVersion();
        });

        modelBuilder.Entity<Ask>(ask =>
        {
            ask.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Restrict);
            ask.Property(a => a.Text).HasMaxLength(AdvocacyLimits.Text);
            ask.OwnsMany(a => a.TextTranslations, translation => translation.ToJson());
            ask.Property(a => a.Source).HasConversion<string>().HasMaxLength(20);
            ask.Property(a => a.SourceTitle).HasMaxLength(AdvocacyLimits.Name);
            ask.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            ask.Property(a => a.CreatedBy).HasMaxLength(AdvocacyLimits.UserId);
            ask.Property(a => a.CreatedByName).HasMaxLength(AdvocacyLimits.UserName);
            ask.HasMany(a => a.History).WithOne().HasForeignKey(h => h.AskId).OnDelete(DeleteBehavior.Cascade);
            ask.HasIndex(a => new { a.ProjectId, a.OpenedOn });
            ask.HasIndex(a => a.TargetStakeholderIds).HasMethod("gin");
            ask.Property(a => a.Version).IsRowVersion();
        });
        modelBuilder.Entity<AskStatusChange>(change =>
        {
            change.Property(c => c.Id).ValueGeneratedNever();
            change.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
            change.Property(c => c.To).HasConversion<string>().HasMaxLength(20);
            change.Property(c => c.Note).HasMaxLength(AdvocacyLimits.Text);
            change.Property(c => c.ChangedBy).HasMaxLength(AdvocacyLimits.UserId);
            change.Property(c => c.ChangedByName).HasMaxLength(AdvocacyLimits.UserName);
        });

        modelBuilder.Entity<ActivityOutcome>(outcome =>
        {
            outcome.HasKey(o => o.ActivityId);
            outcome.HasOne<Activity>().WithOne().HasForeignKey<ActivityOutcome>(o => o.ActivityId).OnDelete(DeleteBehavior.Restrict);
            outcome.OwnsMany(o => o.Stakeholders, stakeholder =>
            {
                stakeholder.ToJson();
                stakeholder.Property(s => s.Response).HasConversion<string>();
            });
            outcome.Property(o => o.RecordedBy).HasMaxLength(AdvocacyLimits.UserId);
            outcome.Property(o => o.RecordedByName).HasMaxLength(AdvocacyLimits.UserName);
            outcome.Property(o => o.UpdatedBy).HasMaxLength(AdvocacyLimits.UserId);
            outcome.HasIndex(o => o.ProjectId);
            outcome.Property(o => o.Version).IsRowVersion();
        });

        modelBuilder.Entity<Commitment>(commitment =>
        {
            commitment.HasOne<ActivityOutcome>().WithMany().HasForeignKey(c => c.ActivityId).OnDelete(DeleteBehavior.Restrict);
            commitment.HasOne<Stakeholder>().WithMany().HasForeignKey(c => c.StakeholderId).OnDelete(DeleteBehavior.Restrict);
            commitment.HasOne<Ask>().WithMany().HasForeignKey(c => c.AskId).OnDelete(DeleteBehavior.Restrict);
            commitment.Property(c => c.Text).HasMaxLength(AdvocacyLimits.Text);
            commitment.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            commitment.Property(c => c.Evidence).HasMaxLength(AdvocacyLimits.Text);
            commitment.Property(c => c.CreatedBy).HasMaxLength(AdvocacyLimits.UserId);
            commitment.Property(c => c.CreatedByName).HasMaxLength(AdvocacyLimits.UserName);
            commitment.HasMany(c => c.History).WithOne().HasForeignKey(h => h.CommitmentId).OnDelete(DeleteBehavior.Cascade);
            // "Commitments overdue" and a project's commitments.
            commitment.HasIndex(c => new { c.Status, c.DueDate });
            commitment.HasIndex(c => new { c.ProjectId, c.DueDate });
            commitment.Property(c => c.Version).IsRowVersion();
        });
        modelBuilder.Entity<CommitmentStatusChange>(change =>
        {
            change.Property(c => c.Id).ValueGeneratedNever();
            change.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
            change.Property(c => c.To).HasConversion<string>().HasMaxLength(20);
            change.Property(c => c.Evidence).HasMaxLength(AdvocacyLimits.Text);
            change.Property(c => c.ChangedBy).HasMaxLength(AdvocacyLimits.UserId);
            change.Property(c => c.ChangedByName).HasMaxLength(AdvocacyLimits.UserName);
        });

        modelBuilder.Entity<FollowUp>(followUp =>
        {
            followUp.ToTable("outcome_follow_ups");
            followUp.HasOne<ActivityOutcome>().WithMany().HasForeignKey(f => f.ActivityId).OnDelete(DeleteBehavior.Restrict);
            followUp.Property(f => f.Action).HasMaxLength(AdvocacyLimits.Text);
            followUp.Property(f => f.OwnerUserId).HasMaxLength(AdvocacyLimits.UserId);
            followUp.Property(f => f.CreatedBy).HasMaxLength(AdvocacyLimits.UserId);
            // "My follow-ups due": open ones by owner and due date.
            followUp.HasIndex(f => new { f.OwnerUserId, f.DueDate }).HasFilter("done_on IS NULL");
            followUp.HasIndex(f => f.ActivityId);
            followUp.Property(f => f.Version).IsRowVersion();
        });
    }
}
