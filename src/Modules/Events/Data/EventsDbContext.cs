using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Events.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Advocacy.Modules.Events.Data;

internal sealed class EventsDbContext(DbContextOptions<EventsDbContext> options) : DbContext(options)
{
    public DbSet<Event> Events => Set<Event>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(EventsModule.Schema);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<Event>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(Event.TitleMaxLength);
            e.Property(x => x.Place).HasMaxLength(300);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Version).IsRowVersion();
            e.HasIndex(x => x.StartsOn);
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the host.</summary>
internal sealed class EventsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<EventsDbContext>
{
    public EventsDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.For<EventsDbContext>(EventsModule.Schema));
}
