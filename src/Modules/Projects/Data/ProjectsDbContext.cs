using Advocacy.BuildingBlocks.Data;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Advocacy.Modules.Projects.Data;

internal sealed class ProjectsDbContext(DbContextOptions<ProjectsDbContext> options) : DbContext(options)
{
    public DbSet<Project> Projects => Set<Project>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(ProjectsModule.Schema);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<Project>(project =>
        {
            project.HasIndex(p => p.Code).IsUnique();
            project.Property(p => p.Code).HasMaxLength(Project.CodeMaxLength);
            project.Property(p => p.Name).HasMaxLength(Project.NameMaxLength);
            project.Property(p => p.Level).HasConversion<string>().HasMaxLength(20);
            project.Property(p => p.Version).IsRowVersion();
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the host.</summary>
internal sealed class ProjectsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<ProjectsDbContext>
{
    public ProjectsDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.For<ProjectsDbContext>(ProjectsModule.Schema));
}
