using Advocacy.Modules.Projects.Activities;
using Advocacy.Modules.Projects.Asks;
using Advocacy.Modules.Projects.Assignments;
using Advocacy.Modules.Projects.Deliverables;
using Advocacy.Modules.Projects.Outcomes;
using Advocacy.Modules.Projects.Projects;
using Advocacy.Modules.Projects.ReportingPeriods;
using Advocacy.Modules.Projects.Results;

namespace Advocacy.Modules.Projects.Data;

/// <summary>Per-project access (ADR 0016): which records belong to a project, and who is assigned to which.</summary>
internal sealed partial class ProjectsDbContext
{
    public DbSet<ProjectAssignment> ProjectAssignments => Set<ProjectAssignment>();

    private void ConfigureProjectAccess(ModelBuilder modelBuilder)
    {
        FilterByProject<Project>(modelBuilder, p => p.Id);
        FilterByProject<Objective>(modelBuilder, o => o.ProjectId);
        FilterByProject<Indicator>(modelBuilder, i => i.ProjectId);
        FilterByProject<Measurement>(modelBuilder, m => m.ProjectId);
        FilterByProject<Deliverable>(modelBuilder, d => d.ProjectId);
        FilterByProject<Activity>(modelBuilder, a => a.ProjectId);
        FilterByProject<ReportingPeriod>(modelBuilder, p => p.ProjectId);
        FilterByProject<Ask>(modelBuilder, a => a.ProjectId);
        FilterByProject<ActivityOutcome>(modelBuilder, o => o.ProjectId);
        FilterByProject<Commitment>(modelBuilder, c => c.ProjectId);
        FilterByProject<FollowUp>(modelBuilder, f => f.ProjectId);

        modelBuilder.Entity<ProjectAssignment>(assignment =>
        {
            assignment.HasKey(a => new { a.ProjectId, a.UserId });
            assignment.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
            assignment.Property(a => a.UserId).HasMaxLength(ProjectAssignment.UserIdMaxLength);
            assignment.Property(a => a.AssignedBy).HasMaxLength(ProjectAssignment.UserIdMaxLength);
            assignment.HasIndex(a => a.UserId);
        });
    }
}
