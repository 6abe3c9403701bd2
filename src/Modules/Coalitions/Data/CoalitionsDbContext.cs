using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Coalitions.Coalitions;
using Advocacy.Modules.Coalitions.KnownProjects;
using Advocacy.Modules.Coalitions.Meetings;
using Advocacy.Modules.Coalitions.Shared;
using Advocacy.Modules.Coalitions.Statements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Advocacy.Modules.Coalitions.Data;

internal sealed class CoalitionsDbContext(DbContextOptions<CoalitionsDbContext> options, IHttpContextAccessor? http)
    : ProjectScopedDbContext(options, http)
{
    /// <summary>A context outside any request (design time).</summary>
    public CoalitionsDbContext(DbContextOptions<CoalitionsDbContext> options) : this(options, null)
    {
    }

    public DbSet<Coalition> Coalitions => Set<Coalition>();

    public DbSet<CoalitionMember> CoalitionMembers => Set<CoalitionMember>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<FollowUp> FollowUps => Set<FollowUp>();

    public DbSet<Statement> Statements => Set<Statement>();

    public DbSet<KnownProject> KnownProjects => Set<KnownProject>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(CoalitionsModule.Schema);
        modelBuilder.AddOutboxAndInbox().AddAuditEntries();

        modelBuilder.Entity<Coalition>(coalition =>
        {
            coalition.HasIndex(c => c.Name).IsUnique();
            coalition.Property(c => c.Name).HasMaxLength(Limits.Name);
            coalition.Property(c => c.Website).HasMaxLength(Limits.Url);
            coalition.Property(c => c.Level).HasConversion<string>().HasMaxLength(20);
            coalition.Property(c => c.OurRole).HasConversion<string>().HasMaxLength(20);
            coalition.Property(c => c.Description).HasMaxLength(Limits.Text);
            coalition.Property(c => c.Version).IsRowVersion();
            coalition.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CoalitionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CoalitionMember>(member =>
        {
            member.ToTable("coalition_members");
            member.HasIndex(m => new { m.CoalitionId, m.Name }).IsUnique();
            member.Property(m => m.Name).HasMaxLength(Limits.Name);
            member.Property(m => m.Country).HasMaxLength(2);
        });

        modelBuilder.Entity<Meeting>(meeting =>
        {
            meeting.HasOne<Coalition>().WithMany().HasForeignKey(m => m.CoalitionId).OnDelete(DeleteBehavior.Restrict);
            meeting.HasIndex(m => new { m.CoalitionId, m.Date });
            meeting.Property(m => m.Agenda).HasMaxLength(Limits.Text);
            meeting.Property(m => m.RecordedBy).HasMaxLength(Limits.UserId);
            meeting.Property(m => m.Version).IsRowVersion();
            meeting.Ignore(m => m.IsReported);
            meeting.HasMany(m => m.FollowUps).WithOne().HasForeignKey(f => f.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<FollowUp>(followUp =>
        {
            followUp.ToTable("follow_ups");
            followUp.Property(f => f.Action).HasMaxLength(Limits.Text);
            followUp.Property(f => f.OwnerUserId).HasMaxLength(Limits.UserId);
            // "My follow-ups due": the open ones of an owner, by due date.
            followUp.HasIndex(f => new { f.OwnerUserId, f.DueDate }).HasFilter("done_on IS NULL");
            followUp.Property(f => f.Version).IsRowVersion();
        });

        modelBuilder.Entity<Statement>(statement =>
        {
            statement.HasOne<Coalition>().WithMany().HasForeignKey(s => s.CoalitionId).OnDelete(DeleteBehavior.Restrict);
            statement.HasIndex(s => new { s.Title, s.Date }).IsUnique();
            statement.HasIndex(s => s.Date);
            statement.HasIndex(s => s.CoalitionId);
            statement.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
            statement.Property(s => s.Title).HasMaxLength(Limits.Name);
            statement.Property(s => s.AddressedTo).HasMaxLength(Limits.Name);
            statement.Property(s => s.RecordedBy).HasMaxLength(Limits.UserId);
            statement.Property(s => s.Version).IsRowVersion();
            statement.Ignore(s => s.IsReported);
        });

        modelBuilder.Entity<KnownProject>(project =>
        {
            project.ToTable("known_projects");
            project.HasKey(p => p.ProjectId);
            project.Property(p => p.ProjectId).ValueGeneratedNever();
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the host.</summary>
internal sealed class CoalitionsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<CoalitionsDbContext>
{
    public CoalitionsDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.For<CoalitionsDbContext>(CoalitionsModule.Schema));
}
