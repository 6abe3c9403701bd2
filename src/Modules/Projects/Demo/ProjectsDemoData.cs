using Advocacy.Modules.Projects.Assignments;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Projects;
using Microsoft.Extensions.DependencyInjection;

namespace Advocacy.Modules.Projects;

/// <summary>The organisation's real projects (../shared/seeds), for the local demo.</summary>
public static partial class ProjectsDemoData
{
    private static ProjectOrganisationEntry Org(string name, OrganisationRole role, string? country = null) =>
        new() { Name = name, Role = role, Country = country };

    private static readonly ProjectOrganisationEntry Ecpat = Org("ECPAT Belgium", OrganisationRole.Lead, "BE");

    /// <summary>
    /// The seeds name no funder, and a donor report needs one: this donor is made up for the demo and
    /// says so in its name (Reports' demo donor report covers its projects).
    /// </summary>
    public const string DemoDonor = "European Commission (demo donor)";

    private static IEnumerable<Project> Projects(DateTimeOffset now) =>
    [
        new()
        {
            Code = "REACT", Name = "ReACT: rights of unaccompanied foreign minors", Level = ProjectLevel.European,
            Status = ProjectStatus.Completed, StartDate = new(2015, 1, 1), EndDate = new(2017, 12, 31),
            Summary = "A video and a leaflet informing unaccompanied foreign minors of their rights in Belgium (a guardian, "
                + "a doctor, a residence permit), translated into 13 languages, and the European report "
                + "\"Better support, better protection\" presented to the Council of Europe.",
            Countries = ["BE"], Organisations = [Ecpat, Org("ECPAT International", OrganisationRole.Partner), Org(DemoDonor, OrganisationRole.Donor)],
        },
        new()
        {
            Code = "MARIO", Name = "Mario: protection of migrant children from and in Europe", Level = ProjectLevel.European,
            Status = ProjectStatus.Completed, StartDate = new(2014, 1, 1), EndDate = new(2016, 12, 31),
            Summary = "Improving the protection of migrant children against exploitation and trafficking. ECPAT Belgium is "
                + "responsible for European advocacy: monitoring and influencing European policies on migrant children.",
            Countries = ["BE"],
            Organisations = [Org("Terre des Hommes", OrganisationRole.Coordinator), Org("ECPAT Belgium", OrganisationRole.Partner, "BE"), Org(DemoDonor, OrganisationRole.Donor)],
        },
        new()
        {
            Code = "GOLONDRINA", Name = "Golondrina: preventing child sexual abuse in Colombian schools", Level = ProjectLevel.International,
            Status = ProjectStatus.Completed, StartDate = new(2010, 1, 1), EndDate = new(2014, 12, 31),
            Summary = "Awareness campaigns in schools in Santafe, Candelaria and San Cristobal (2100 students and 380 teachers "
                + "sensitised), then work with local governments to include the prevention of child sexual exploitation "
                + "in their development programmes.",
            Countries = ["CO"], Organisations = [Ecpat],
        },
        new()
        {
            Code = "PTWC-RO", Name = "Preventing Trafficking in Women and Children", Level = ProjectLevel.International,
            Status = ProjectStatus.Completed, StartDate = new(2010, 1, 1), EndDate = new(2012, 12, 31),
            Summary = "Workshops and manuals raising the awareness of ACSIS's beneficiaries (single mothers) of the realities of trafficking.",
            Countries = ["RO"], Organisations = [Ecpat, Org("ACSIS", OrganisationRole.Partner, "RO")],
        },
        new()
        {
            Code = "DAKAR-MAP", Name = "Mapping of child sexual exploitation in Dakar", Level = ProjectLevel.International,
            Status = ProjectStatus.Completed, StartDate = new(2012, 1, 1), EndDate = new(2014, 12, 31),
            Summary = "Child-centred research: children took part from data collection to the development of concrete solutions.",
            Countries = ["SN"], Organisations = [Ecpat, Org("Action, Jeunesse, Environment", OrganisationRole.Partner, "SN")],
        },
        new()
        {
            Code = "TASEC", Name = "Together against Sexual Exploitation of Children", Level = ProjectLevel.European,
            Status = ProjectStatus.Completed, StartDate = new(2013, 1, 1), EndDate = new(2015, 12, 31),
            Summary = "Research on the implementation of the EU Directive on combating the sexual abuse and sexual exploitation "
                + "of children and child pornography in the 27 Member States.",
            Countries = ["BE"],
            Organisations = [Ecpat, Org("Missing Children Europe", OrganisationRole.Partner, "BE"), Org("eNACSO", OrganisationRole.Partner)],
        },
        new()
        {
            Code = "HOTEL-CODE", Name = "Hotel staff training under the Code of Conduct", Level = ProjectLevel.National,
            Status = ProjectStatus.Active, StartDate = new(2014, 1, 1),
            Summary = "Following ACCOR Belgium's signature of the Code of Conduct in 2014, training its managers so staff detect "
                + "and act against child prostitution in hotels.",
            Countries = ["BE"], Organisations = [Ecpat, Org("ACCOR Belgium", OrganisationRole.Partner, "BE")],
        },
    ];

    /// <summary>Adds the demo projects, and their work, that are not there yet; running it twice changes nothing.</summary>
    public static async Task SeedProjectsDemoDataAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectsDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var existing = await db.Projects.Select(p => p.Code).ToListAsync(cancellationToken);
        foreach (var seed in Projects(now).Where(p => !existing.Contains(p.Code)))
        {
            var project = new Project
            {
                Id = Guid.CreateVersion7(), Code = seed.Code, Name = seed.Name, Summary = seed.Summary, Level = seed.Level,
                Status = seed.Status, StartDate = seed.StartDate, EndDate = seed.EndDate, Countries = seed.Countries,
                Organisations = seed.Organisations, CreatedAt = now, UpdatedAt = now,
            };
            db.Projects.Add(project);
            db.AddIntegrationEvent(new ProjectCreated(project.ToDetails(), now));
        }
        await db.SaveChangesAsync(cancellationToken);
        await SeedWorkAsync(db, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await SeedAdvocacyAsync(db, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await SeedAssignmentsAsync(db, scope.ServiceProvider.GetRequiredService<IUserDirectory>(), now, cancellationToken);
    }

    /// <summary>
    /// The demo staff member works on every demo project but the Dakar mapping, which shows what staff
    /// do not see (ADR 0016). Only when the demo users exist, and once.
    /// </summary>
    private static async Task SeedAssignmentsAsync(ProjectsDbContext db, IUserDirectory users, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var staff = (await users.ListAsync(cancellationToken)).Where(u => u.Name.StartsWith(DemoStaffPrefix, StringComparison.OrdinalIgnoreCase)).ToList();
        var projects = await db.Projects.Where(p => p.Code != "DAKAR-MAP").Select(p => p.Id).ToListAsync(cancellationToken);
        foreach (var (userId, _) in staff)
        {
            var assigned = await db.ProjectAssignments.Where(a => a.UserId == userId).Select(a => a.ProjectId).ToListAsync(cancellationToken);
            db.ProjectAssignments.AddRange(projects.Except(assigned)
                .Select(projectId => new ProjectAssignment { ProjectId = projectId, UserId = userId, AssignedBy = "demo", AssignedAt = now }));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The demo staff user's email starts so (the host creates staff@demo.advocacy.local for the local demo).</summary>
    private const string DemoStaffPrefix = "staff@demo.";
}
