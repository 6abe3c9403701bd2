using System.Security.Claims;
using System.Text.Json;
using Advocacy.BuildingBlocks.Messaging;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Advocacy.BuildingBlocks.Data;

/// <summary>
/// One write to a module's data: who, when, what, and the record before and after. Append-only: the module's
/// role may add and read entries but not change or remove them (<see cref="ModuleRoles"/>).
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>The signed-in user's id, or <c>system</c> for work no person started (messages, jobs, demo data).</summary>
    public required string UserId { get; init; }

    public string? UserName { get; init; }

    /// <summary><c>added</c>, <c>modified</c> or <c>deleted</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The record's type, e.g. <c>Activity</c>.</summary>
    public required string Entity { get; init; }

    /// <summary>The record's key, as text (composite keys joined by <c>|</c>).</summary>
    public required string EntityId { get; init; }

    /// <summary>The values before the write (null when added): the changed ones for a modification.</summary>
    public JsonDocument? Before { get; init; }

    /// <summary>The values after the write (null when deleted): the changed ones for a modification.</summary>
    public JsonDocument? After { get; init; }

    /// <summary>The request that made it, e.g. <c>PUT /api/activities/…</c>; null outside a request.</summary>
    public string? Request { get; init; }
}

/// <summary>Marks a type whose rows are not audited: derived data (read models), files, or plumbing.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;

/// <summary>Maps <see cref="AuditEntry"/> into a module's own schema.</summary>
public static class AuditModel
{
    public const string Table = "audit_entries";

    /// <summary>Adds <c>audit_entries</c> to the module's model.</summary>
    public static ModelBuilder AddAuditEntries(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(audit =>
        {
            audit.ToTable(Table);
            audit.HasKey(a => a.Id);
            audit.Property(a => a.Id).ValueGeneratedNever();
            audit.Property(a => a.UserId).HasMaxLength(450);
            audit.Property(a => a.UserName).HasMaxLength(256);
            audit.Property(a => a.Action).HasMaxLength(10);
            audit.Property(a => a.Entity).HasMaxLength(200);
            audit.Property(a => a.EntityId).HasMaxLength(200);
            audit.Property(a => a.Request).HasMaxLength(500);
            audit.HasIndex(a => a.At);
            audit.HasIndex(a => new { a.Entity, a.EntityId });
        });
        return modelBuilder;
    }
}

/// <summary>
/// Adds an <see cref="AuditEntry"/> for every record a SaveChanges adds, modifies or deletes, in the same save,
/// so the audit commits or rolls back with the write. Secrets (password hashes, security stamps) are left out.
/// </summary>
public sealed class AuditInterceptor(IHttpContextAccessor http, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Secret = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp"];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Audit(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Audit(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private void Audit(DbContext? db)
    {
        if (db is null)
        {
            return;
        }
        db.ChangeTracker.DetectChanges();
        var (userId, userName, request) = Actor(http.HttpContext);
        var now = clock.GetUtcNow();
        var changed = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var roots = changed.Where(e => !e.Metadata.IsOwned()).ToList();
        // A change only to an owned value (a JSON column: translations, reach) leaves its owner unchanged: audit the owner.
        foreach (var owned in changed.Where(e => e.Metadata.IsOwned()))
        {
            if (db.ChangeTracker.Entries().FirstOrDefault(e => !e.Metadata.IsOwned() && Owns(e, owned.Entity)) is { } owner && !roots.Contains(owner))
            {
                roots.Add(owner);
            }
        }
        var entries = roots.Where(IsAudited)
            .Select(e => new AuditEntry
            {
                Id = Guid.CreateVersion7(), At = now, UserId = userId, UserName = userName, Request = request,
                Action = (e.State == EntityState.Unchanged ? EntityState.Modified : e.State).ToString().ToLowerInvariant(),
                Entity = e.Metadata.ClrType.Name, EntityId = Key(e),
                Before = e.State == EntityState.Added ? null : Values(e, original: true),
                After = e.State == EntityState.Deleted ? null : Values(e, original: false),
            })
            .ToList();
        db.AddRange(entries);
    }

    /// <summary>Who writes, as an audit entry keeps it: the signed-in user (or <c>system</c>) and the request line.</summary>
    public static (string UserId, string? UserName, string? Request) Actor(HttpContext? context)
    {
        var user = context?.User;
        var signedIn = user?.Identity?.IsAuthenticated == true;
        var userId = signedIn ? user!.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown" : "system";
        var userName = signedIn ? user!.Identity!.Name : null;
        var request = context is null ? null : Truncate($"{context.Request.Method} {context.Request.Path}", 500);
        return (userId, userName, request);
    }

    private static bool Owns(EntityEntry owner, object owned) =>
        owner.Navigations.Where(n => n.Metadata.TargetEntityType.IsOwned()).Any(n => n.CurrentValue is System.Collections.IEnumerable many
            ? many.Cast<object>().Any(o => ReferenceEquals(o, owned))
            : ReferenceEquals(n.CurrentValue, owned));

    private static bool IsAudited(EntityEntry entry)
    {
        var type = entry.Metadata.ClrType;
        return type != typeof(AuditEntry) && type != typeof(OutboxMessage) && type != typeof(InboxMessage)
            && !Attribute.IsDefined(type, typeof(NotAuditedAttribute)) && type.Name != "DataProtectionKey";
    }

    private static string Key(EntityEntry entry) =>
        Truncate(string.Join("|", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue)), 200);

    /// <summary>The record's values (for a modification, only those that changed), owned JSON columns included.</summary>
    private static JsonDocument Values(EntityEntry entry, bool original)
    {
        var values = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (Secret.Contains(name) || (entry.State is EntityState.Modified or EntityState.Unchanged && !property.IsModified))
            {
                continue;
            }
            values[name] = original ? property.OriginalValue : property.CurrentValue;
        }
        foreach (var navigation in entry.Navigations.Where(n => n.Metadata.TargetEntityType.IsOwned()))
        {
            // Owned values are tracked by entries of their own, without their former state: shown as they are now,
            // after the write (or before a delete).
            if (original == (entry.State == EntityState.Deleted))
            {
                values[navigation.Metadata.Name] = navigation.CurrentValue;
            }
        }
        return JsonSerializer.SerializeToDocument(values, Json);
    }

    /// <summary>A record as an audit entry shows it, for writers that bypass the change tracker (COPY).</summary>
    public static JsonDocument Snapshot(object entity) => JsonSerializer.SerializeToDocument(entity, entity.GetType(), Json);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReferenceHandler = System.Text.Json.Serialization.ReferenceHandler.IgnoreCycles,
        DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
