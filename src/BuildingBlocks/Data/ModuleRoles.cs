using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Advocacy.BuildingBlocks.Data;

/// <summary>
/// Least privilege in the database: each module works as a role of its own, <c>advocacy_{schema}</c>, that can
/// reach only its own schema, so a query into another module's tables fails for real (permission denied),
/// and that may only add and read audit entries, never change or remove them.
/// <list type="bullet">
/// <item>A deployment may give a module a login of its own (<c>ConnectionStrings:{schema}</c>), used as it is.</item>
/// <item>Otherwise the module connects with the shared (owner's) connection string and the startup option
/// <c>role=advocacy_{schema}</c>: every session of the module's pool runs as that role from its start, and
/// resetting a pooled connection returns to it. No password to keep: the owner is a member of each role.</item>
/// </list>
/// The roles are NOLOGIN and cluster-wide; <see cref="GrantAsync"/> creates them when missing (the owner needs
/// CREATEROLE) and grants them their schema after each migration, so new tables are covered.
/// </summary>
public static class ModuleRoles
{
    /// <summary>The role a module's schema is reached with.</summary>
    public static string RoleFor(string schema) => $"advocacy_{schema}";

    /// <summary>The module's own connection string when configured, else the owner's working as the module's role.</summary>
    public static string ConnectionStringFor(IConfiguration configuration, string schema)
    {
        if (configuration.GetConnectionString(schema) is { } own)
        {
            return own;
        }
        var builder = new NpgsqlConnectionStringBuilder(ModuleDatabaseRegistration.OwnerConnectionString(configuration));
        // No parallel workers: the module's queries are short, and starting workers for one costs more than it saves
        // (tens of ms on a dashboard's small scans; ADR 0022). The same few statements run on every request: prepare them.
        builder.Options = $"{builder.Options} -c role={RoleFor(schema)} -c max_parallel_workers_per_gather=0".Trim();
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 100;
        }
        return builder.ConnectionString;
    }

    /// <summary>
    /// Creates the module's role when missing, makes the owner a member, and grants the role its schema: read and
    /// write on every table but the audit entries (read and add only), and nothing elsewhere. Run as the owner.
    /// </summary>
    public static async Task GrantAsync(DbContext owner, string schema, CancellationToken cancellationToken)
    {
        // Identifiers cannot be parameters: the schema is a module's constant, checked to be a plain name.
        if (!System.Text.RegularExpressions.Regex.IsMatch(schema, "^[a-z_]+$"))
        {
            throw new ArgumentException($"Not a plain schema name: {schema}", nameof(schema));
        }
        var role = RoleFor(schema);
        var createRole = $"""
            DO $$
            BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN
                CREATE ROLE {role} NOLOGIN;
              END IF;
              IF NOT pg_has_role(current_user, '{role}', 'MEMBER') THEN
                EXECUTE format('GRANT {role} TO %I', current_user);
              END IF;
            END $$;
            """;
        var grant = $"""
            GRANT USAGE ON SCHEMA {schema} TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA {schema} TO {role};
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {schema} TO {role};
            REVOKE UPDATE, DELETE, TRUNCATE ON {schema}.{AuditModel.Table} FROM {role};
            """;
        // Roles are shared by every database of the cluster: hosts starting on other databases at the same time
        // may create the same role, or grant the same membership, concurrently.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await owner.Database.ExecuteSqlRawAsync(createRole, cancellationToken);
                break;
            }
            catch (PostgresException e) when (attempt < 10 && e.SqlState is PostgresErrorCodes.DuplicateObject
                or PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.InternalError)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken);
            }
        }
        await owner.Database.ExecuteSqlRawAsync(grant, cancellationToken);
    }
}
