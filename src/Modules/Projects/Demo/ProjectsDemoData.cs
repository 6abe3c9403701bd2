using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Advocacy.Modules.Projects;

/// <summary>The organisation's real projects (../shared/seeds), for the local demo.</summary>
public static class ProjectsDemoData
{
    private static readonly (string Code, string Name, ProjectLevel Level, DateOnly Start, DateOnly? End)[] Projects =
    [
        ("REACT", "ReACT: rights of unaccompanied foreign minors", ProjectLevel.European, new(2015, 1, 1), new(2017, 12, 31)),
        ("MARIO", "Mario: protection of migrant children from and in Europe", ProjectLevel.European, new(2014, 1, 1), new(2016, 12, 31)),
        ("GOLONDRINA", "Golondrina: school awareness campaigns in Colombia", ProjectLevel.International, new(2010, 1, 1), new(2014, 12, 31)),
        ("PTWC-RO", "Preventing Trafficking in Women and Children (Romania)", ProjectLevel.International, new(2010, 1, 1), new(2012, 12, 31)),
        ("DAKAR-MAP", "Mapping of child sexual exploitation in Dakar", ProjectLevel.International, new(2012, 1, 1), new(2014, 12, 31)),
        ("TASEC", "Together against Sexual Exploitation of Children", ProjectLevel.European, new(2013, 1, 1), new(2015, 12, 31)),
        ("HOTEL-CODE", "Hotel staff training under the Code of Conduct", ProjectLevel.National, new(2014, 1, 1), null),
    ];

    /// <summary>Adds the demo projects that are not there yet; running it twice changes nothing.</summary>
    public static async Task SeedProjectsDemoDataAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectsDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var existing = await db.Projects.Select(p => p.Code).ToListAsync(cancellationToken);
        foreach (var (code, name, level, start, end) in Projects.Where(p => !existing.Contains(p.Code)))
        {
            var project = new Project
            {
                Id = Guid.CreateVersion7(), Code = code, Name = name, Level = level,
                StartDate = start, EndDate = end, CreatedAt = clock.GetUtcNow(),
            };
            db.Projects.Add(project);
            db.AddIntegrationEvent(new ProjectCreated(project.Id, code, name, level, start, end, project.CreatedAt));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
