using Advocacy.Modules.Coalitions.Coalitions;
using Advocacy.Modules.Coalitions.Contracts;
using Advocacy.Modules.Coalitions.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Advocacy.Modules.Coalitions;

/// <summary>The coalitions and platforms the organisation belongs to (../shared/seeds), for the local demo.</summary>
public static class CoalitionsDemoData
{
    private static readonly (string Name, CoalitionLevel Level)[] Coalitions =
    [
        ("Coordination of NGOs for the rights of the child", CoalitionLevel.National),
        ("Kinderrechtencoalitie", CoalitionLevel.National),
        ("Platform for the rights of the child in development cooperation", CoalitionLevel.National),
        ("EU Civil Society Platform against Trafficking in Human Beings", CoalitionLevel.European),
        ("Initiative for Children in Migration", CoalitionLevel.European),
    ];

    /// <summary>Adds the demo coalitions that are not there yet; running it twice changes nothing.</summary>
    public static async Task SeedCoalitionsDemoDataAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionsDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var existing = await db.Coalitions.Select(c => c.Name).ToListAsync(cancellationToken);
        foreach (var (name, level) in Coalitions.Where(c => !existing.Contains(c.Name)))
        {
            db.Coalitions.Add(new Coalition { Id = Guid.CreateVersion7(), Name = name, Level = level, CreatedAt = clock.GetUtcNow() });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
