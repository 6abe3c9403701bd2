using Advocacy.Modules.Coalitions.Coalitions;
using Advocacy.Modules.Coalitions.Contracts;
using Advocacy.Modules.Coalitions.Data;
using Advocacy.Modules.Coalitions.Meetings;
using Advocacy.Modules.Coalitions.Statements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Advocacy.Modules.Coalitions;

/// <summary>
/// The coalitions and platforms the organisation belongs to, the network statement on refugee and migrant
/// children and a meeting of the Kinderrechtencoalitie (../shared/seeds), for the local demo. Nothing here
/// is linked to a project: Projects' demo data logs that work itself, so no message goes out.
/// </summary>
public static class CoalitionsDemoData
{
    /// <summary>Who recorded the demo data, and owns its follow-up: not a user, like Projects' demo data.</summary>
    private const string SeedUser = "demo-data";

    private const string Kinderrechtencoalitie = "Kinderrechtencoalitie";

    private static readonly (string Name, CoalitionLevel Level, string? Website)[] Coalitions =
    [
        ("Coordination of NGOs for the rights of the child", CoalitionLevel.National, "https://www.lacode.be"),
        (Kinderrechtencoalitie, CoalitionLevel.National, "https://www.kinderrechtencoalitie.be"),
        ("Platform for the rights of the child in development cooperation", CoalitionLevel.National, null),
        ("EU Civil Society Platform against Trafficking in Human Beings", CoalitionLevel.European, null),
        ("Initiative for Children in Migration", CoalitionLevel.European, null),
    ];

    private const string RefugeeStatement = "ECPAT statement on the protection of refugee and migrant children";

    /// <summary>Twelve ECPAT members signed it (the seed text); these are the network's European members.</summary>
    private static readonly string[] RefugeeStatementSignatories =
    [
        "ECPAT Belgium", "ECPAT France", "ECPAT Germany", "ECPAT Netherlands", "ECPAT UK", "ECPAT Italy",
        "ECPAT Austria", "ECPAT Sweden", "ECPAT Luxembourg", "ECPAT Poland", "ECPAT Switzerland", "ECPAT Norway",
    ];

    private static readonly DateOnly MeetingDate = new(2015, 10, 13);

    /// <summary>Adds what is not there yet; running it twice changes nothing.</summary>
    public static async Task SeedCoalitionsDemoDataAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionsDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();

        var existing = await db.Coalitions.Select(c => c.Name).ToListAsync(cancellationToken);
        foreach (var (name, level, website) in Coalitions.Where(c => !existing.Contains(c.Name)))
        {
            db.Coalitions.Add(new Coalition
            {
                Id = Guid.CreateVersion7(), Name = name, Level = level, Website = website, OurRole = CoalitionRole.Member,
                CreatedAt = now, UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);

        if (!await db.Statements.AnyAsync(s => s.Title == RefugeeStatement, cancellationToken))
        {
            db.Statements.Add(new Statement
            {
                Id = Guid.CreateVersion7(), Kind = StatementKind.Statement, Title = RefugeeStatement, Date = new DateOnly(2015, 10, 28),
                AddressedTo = "European institutions", Signatories = [.. RefugeeStatementSignatories], SignedByUs = true,
                RecordedBy = SeedUser, RecordedAt = now,
            });
        }

        var kinderrechtencoalitie = await db.Coalitions.Where(c => c.Name == Kinderrechtencoalitie).Select(c => c.Id).SingleAsync(cancellationToken);
        if (!await db.Meetings.AnyAsync(m => m.CoalitionId == kinderrechtencoalitie && m.Date == MeetingDate, cancellationToken))
        {
            var meeting = new Meeting
            {
                Id = Guid.CreateVersion7(), CoalitionId = kinderrechtencoalitie, Date = MeetingDate, RecordedBy = SeedUser, RecordedAt = now,
                Agenda = "The first European Day on the Protection of Children against Sexual Exploitation and Sexual Abuse (18 November); "
                    + "the members' contributions to the NGO report to the UN Committee on the Rights of the Child.",
            };
            meeting.FollowUps.Add(new FollowUp
            {
                Id = Guid.CreateVersion7(), MeetingId = meeting.Id, OwnerUserId = SeedUser, DueDate = new DateOnly(2015, 11, 6),
                Action = "Share ECPAT Belgium's awareness material for the European Day with the coalition's members.",
            });
            db.Meetings.Add(meeting);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
