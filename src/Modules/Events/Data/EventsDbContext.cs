using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Events.Events;
using Advocacy.Modules.Events.KnownProjects;
using Advocacy.Modules.Events.Participants;
using Microsoft.EntityFrameworkCore.Design;

namespace Advocacy.Modules.Events.Data;

internal sealed class EventsDbContext(DbContextOptions<EventsDbContext> options, IHttpContextAccessor? http)
    : ProjectScopedDbContext(options, http)
{
    /// <summary>A context outside any request (design time).</summary>
    public EventsDbContext(DbContextOptions<EventsDbContext> options) : this(options, null)
    {
    }

    public DbSet<Event> Events => Set<Event>();

    public DbSet<Participant> Participants => Set<Participant>();

    public DbSet<KnownProject> KnownProjects => Set<KnownProject>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(EventsModule.Schema);
        modelBuilder.AddOutboxAndInbox().AddAuditEntries();

        modelBuilder.Entity<Event>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(Event.TitleMaxLength);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Description).HasMaxLength(Event.DescriptionMaxLength);
            e.Property(x => x.Place).HasMaxLength(Event.PlaceMaxLength);
            e.Property(x => x.Country).HasMaxLength(2);
            e.Property(x => x.OnlineUrl).HasMaxLength(Event.OnlineUrlMaxLength);
            e.Property(x => x.OrganiserName).HasMaxLength(Event.OrganiserNameMaxLength);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.OwnsMany(x => x.Sessions, session => session.ToJson());
            e.OwnsMany(x => x.Attendance, attendance =>
            {
                attendance.ToJson();
                attendance.Property(a => a.Audience).HasConversion<string>();
                attendance.Property(a => a.Gender).HasConversion<string>();
            });
            e.Ignore(x => x.TotalAttendance);
            e.HasIndex(x => x.StartsOn);
            e.Property(x => x.Version).IsRowVersion();
        });

        modelBuilder.Entity<Participant>(p =>
        {
            p.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
            p.Property(x => x.Organisation).HasMaxLength(Participant.OrganisationMaxLength);
            p.Property(x => x.Role).HasMaxLength(Participant.RoleMaxLength);
            p.Property(x => x.PersonName).HasMaxLength(Participant.PersonNameMaxLength);
            // The database keeps the consent rule too: no name without a consent date.
            p.ToTable(t => t.HasCheckConstraint("ck_participants_person_name_needs_consent",
                "person_name IS NULL OR consent_recorded_on IS NOT NULL"));
        });

        modelBuilder.Entity<KnownProject>(project =>
        {
            project.HasKey(x => x.ProjectId);
            project.Property(x => x.ProjectId).ValueGeneratedNever();
            project.Property(x => x.Code).HasMaxLength(30);
            project.Property(x => x.Name).HasMaxLength(200);
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the host.</summary>
internal sealed class EventsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<EventsDbContext>
{
    public EventsDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.For<EventsDbContext>(EventsModule.Schema));
}
