using Advocacy.Modules.Reports.Contracts;
using Advocacy.Modules.Reports.Data;
using Advocacy.Modules.Reports.DonorReports;
using Advocacy.Modules.Reports.Publications;
using Microsoft.Extensions.DependencyInjection;

namespace Advocacy.Modules.Reports;

/// <summary>
/// The organisation's publications from the seed texts (../shared/seeds), for the local demo: the ReACT
/// European report "Better support, better protection" and its recommendations for lawyers and guardians,
/// the ReACT video and leaflet in 13 languages, and the Global Monitoring Report on Belgium with its four
/// priority actions, all still open. Nothing here is linked to a project: Projects' demo data logs that
/// work itself, so no message goes out.
/// </summary>
public static class ReportsDemoData
{
    /// <summary>Who recorded the demo data: not a user, like the other modules' demo data.</summary>
    private const string SeedUser = "demo-data";

    /// <summary>The 13 languages of the ReACT video and leaflet, in the seed's order.</summary>
    private static readonly string[] ReactLanguages = ["fr", "en", "nl", "de", "ar", "vi", "zh", "sq", "ro", "bg", "ps", "fa", "pcm"];

    private sealed record Seed(
        string Title, PublicationType Type, DateOnly PublishedOn, string[] Languages, string Description,
        (string Text, RecommendationAddressee AddressedTo)[] Recommendations);

    private static readonly Seed[] Seeds =
    [
        new("Better support, better protection", PublicationType.Research,
            // The seed gives no publication date: the day it was presented to the Council of Europe's 47 States Parties.
            new DateOnly(2017, 3, 1), ["en"],
            "The ReACT European report, presented at the Council of Europe to the 47 States Parties, with recommendations to help "
                + "lawyers and guardians better identify and take care of child victims of trafficking.",
            [
                ("Help lawyers and guardians better identify child victims of trafficking.", RecommendationAddressee.Professionals),
                ("Help lawyers and guardians better take care of child victims of trafficking.", RecommendationAddressee.Professionals),
            ]),
        new("ReACT video: your rights in Belgium", PublicationType.Video, new DateOnly(2016, 6, 1), ReactLanguages,
            "Informs unaccompanied foreign minors of their rights in Belgium (access to a guardian, to a doctor, a residence permit) "
                + "in simple, clear and concise language; a good practice in the Council of Europe's report on children affected by the refugee crisis.",
            []),
        new("ReACT leaflet: your rights in Belgium", PublicationType.Leaflet, new DateOnly(2016, 6, 1), ReactLanguages,
            "The folder accompanying the ReACT video, for unaccompanied foreign minors, on their rights in Belgium.",
            []),
        new("Global Monitoring Report on the Status of Action against Commercial Sexual Exploitation of Children: Belgium",
            PublicationType.MonitoringReport,
            // Published for the 25th anniversary of the UN Convention on the Rights of the Child (20 November 2014).
            new DateOnly(2014, 11, 20), ["en"],
            "Both foreign-born and Belgian minors are exploited through prostitution, pornography and trafficking; despite a robust "
                + "legal framework, more can be done. The report suggests priority actions urgently needed against CSEC.",
            [
                ("Adopt a national plan of action against the commercial sexual exploitation of children.", RecommendationAddressee.Government),
                ("Improve the training of front line workers coming into contact with potential victims of CSEC.", RecommendationAddressee.Professionals),
                ("Increase support for victims of sexual exploitation and trafficking.", RecommendationAddressee.Government),
                ("Increase child and youth participation in the fight against CSEC.", RecommendationAddressee.Government),
            ]),
    ];

    /// <summary>Adds the publications not there yet (by title); running it twice changes nothing.</summary>
    public static async Task SeedReportsDemoDataAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportsDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();

        var existing = await db.Publications.Select(p => p.Title).ToListAsync(cancellationToken);
        foreach (var seed in Seeds.Where(s => !existing.Contains(s.Title)))
        {
            var publication = new Publication
            {
                Id = Guid.CreateVersion7(), Title = seed.Title, Type = seed.Type, Description = seed.Description,
                Status = PublicationStatus.Published, PublishedOn = seed.PublishedOn, Languages = [.. seed.Languages],
                CreatedBy = SeedUser, CreatedAt = now,
            };
            db.Publications.Add(publication);
            foreach (var (text, addressedTo) in seed.Recommendations)
            {
                db.Recommendations.Add(new Recommendation
                {
                    Id = Guid.CreateVersion7(), PublicationId = publication.Id, Text = text, AddressedTo = addressedTo,
                    Status = RecommendationStatus.Open, CreatedAt = now,
                });
            }
        }
        if (!await db.DonorReports.AnyAsync(r => r.Title == DemoDonorReport.Title, cancellationToken))
        {
            db.DonorReports.Add(new DonorReport
            {
                Id = Guid.CreateVersion7(), Title = DemoDonorReport.Title, Donor = DemoDonorReport.Donor,
                From = new DateOnly(2014, 1, 1), To = new DateOnly(2017, 12, 31), CreatedBy = SeedUser, CreatedAt = now,
                Sections =
                [
                    new() { Heading = "European advocacy", Body = DemoDonorReport.EuropeanAdvocacy },
                    new() { Heading = "Informing unaccompanied children of their rights", Body = DemoDonorReport.Informing },
                ],
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A donor report on the demo donor's projects (ReACT and Mario), its narrative from the seed texts.</summary>
    private static class DemoDonorReport
    {
        public const string Title = "ReACT and Mario: report to the European Commission, 2014-2017 (demo)";

        /// <summary>The demo donor Projects' demo data gives ReACT and Mario (the seeds name no funder).</summary>
        public const string Donor = "European Commission (demo donor)";

        public const string EuropeanAdvocacy =
            "Coordinated by Terre des Hommes, the Mario project aims to improve the level of protection of migrant children from and in "
            + "Europe against exploitation and trafficking. ECPAT Belgium is responsible for European advocacy, consisting in particular "
            + "of monitoring and influencing European policies concerning migrant children.";

        public const string Informing =
            "ReACT produced a video and a leaflet informing unaccompanied foreign minors of their rights in Belgium (access to a guardian, "
            + "to a doctor, a residence permit) in 13 languages, and the European report \"Better support, better protection\", presented "
            + "at the Council of Europe to the 47 States Parties.";
    }
}
