using System.Linq.Expressions;
using Advocacy.BuildingBlocks.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Advocacy.BuildingBlocks.Data;

/// <summary>
/// A module's context that knows the request user's reach (ADR 0016): <see cref="Access"/>, the projects a
/// staff member is assigned to. A context that filters its project records with <see cref="FilterByProject"/>
/// (Projects, Reports) lets no query see other projects' records, so lists, lookups, dashboards and writes
/// cannot stray into them; outside a request (consumers, start-up) nothing is filtered. Events and Coalitions
/// derive from it only to read <see cref="Access"/> when a write links records to projects (may this user
/// link or unlink them?): they declare no filters, and their queries see every record.
/// </summary>
public abstract class ProjectScopedDbContext(DbContextOptions options, IHttpContextAccessor? http) : DbContext(options)
{
    private ProjectAccess? _access;

    /// <summary>
    /// The projects this context's queries see. Read on first use, after authentication has put the
    /// user's assignments on the principal.
    /// </summary>
    public ProjectAccess Access => _access ??= ProjectAccess.Of(http?.HttpContext?.User);

    /// <summary>
    /// Lifts the limit for organisation-wide work whose consequences cross projects (a stakeholder's new kind
    /// recounts every project's indicators).
    /// </summary>
    public void SeeAllProjects() => _access = ProjectAccess.Everything;

    /// <summary>For filters written by hand: true when nothing is out of reach.</summary>
    protected bool AllProjects => Access.All;

    /// <summary>For filters written by hand: the projects within reach.</summary>
    protected Guid[] AccessibleProjectIds => Access.ProjectIds;

    /// <summary>Shows <typeparamref name="TEntity"/> only where its project is within reach.</summary>
    protected void FilterByProject<TEntity>(ModelBuilder modelBuilder, Expression<Func<TEntity, Guid>> projectId)
        where TEntity : class
    {
        // this.AllProjects || this.AccessibleProjectIds.Contains(projectId(entity)): EF reads the context's
        // members per query, as in a lambda written inside the context.
        var self = Expression.Constant(this);
        var contains = Expression.Call(
            typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)],
            Expression.Property(self, Member(nameof(AccessibleProjectIds))), projectId.Body);
        var filter = Expression.Lambda<Func<TEntity, bool>>(
            Expression.OrElse(Expression.Property(self, Member(nameof(AllProjects))), contains), projectId.Parameters);
        modelBuilder.Entity<TEntity>().HasQueryFilter(ProjectAccess.FilterName, filter);
    }

    private static System.Reflection.PropertyInfo Member(string name) =>
        typeof(ProjectScopedDbContext).GetProperty(name, System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;
}
