using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Activities;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Deliverables;
using Advocacy.Modules.Projects.ReportingPeriods;
using Advocacy.Modules.Projects.Results;

namespace Advocacy.Modules.Projects;

/// <summary>The demo projects' work, drawn from the seed texts: activities, a results framework, deliverables.</summary>
public static partial class ProjectsDemoData
{
    private const string SeedUser = "demo-data";
    private const string SeedUserName = "Demo data (seed texts)";

    private static ActivityReach Reached(Audience audience, int count, Gender? gender = null) => new() { Audience = audience, Count = count, Gender = gender };

    private static readonly Dictionary<string, (ActivityType Type, DateOnly Date, string Title, string? Place, string? Country, ActivityReach[] Reach)[]> Activities = new()
    {
        ["GOLONDRINA"] =
        [
            (ActivityType.AwarenessCampaign, new(2011, 3, 14), "Awareness campaign in the schools of Santafe", "Santafe, Bogotá", "CO",
                [Reached(Audience.Children, 800), Reached(Audience.Professionals, 140)]),
            (ActivityType.AwarenessCampaign, new(2011, 5, 2), "Awareness campaign in the schools of Candelaria", "Candelaria, Bogotá", "CO",
                [Reached(Audience.Children, 700), Reached(Audience.Professionals, 130)]),
            (ActivityType.AwarenessCampaign, new(2011, 9, 19), "Awareness campaign in the schools of San Cristobal", "San Cristobal, Bogotá", "CO",
                [Reached(Audience.Children, 600), Reached(Audience.Professionals, 110)]),
            (ActivityType.MeetingWithPolicyMakers, new(2013, 2, 11), "Including prevention of child sexual exploitation in local development programmes",
                "Bogotá", "CO", [Reached(Audience.PolicyMakers, 6)]),
        ],
        ["HOTEL-CODE"] =
        [
            (ActivityType.Training, new(2015, 9, 8), "Training for ACCOR Belgium's managers (session 1)", "Brussels", "BE", [Reached(Audience.Professionals, 12)]),
            (ActivityType.Training, new(2015, 9, 22), "Training for ACCOR Belgium's managers (session 2)", "Brussels", "BE", [Reached(Audience.Professionals, 14)]),
            (ActivityType.Training, new(2015, 9, 29), "Training for ACCOR Belgium's managers (session 3)", "Brussels", "BE", [Reached(Audience.Professionals, 11)]),
        ],
        ["REACT"] =
        [
            (ActivityType.Publication, new(2016, 6, 1), "Video and leaflet on the rights of unaccompanied foreign minors, in 13 languages", null, "BE",
                [Reached(Audience.Children, 1500)]),
            (ActivityType.MeetingWithPolicyMakers, new(2017, 3, 1), "Presentation of \"Better support, better protection\" to the Council of Europe",
                "Strasbourg", "FR", [Reached(Audience.PolicyMakers, 47)]),
        ],
        ["MARIO"] =
        [
            (ActivityType.ConsultationOrSubmission, new(2015, 10, 28), "Statement of 12 ECPAT members to the European institutions on refugee children",
                "Brussels", "BE", [Reached(Audience.PolicyMakers, 30)]),
            (ActivityType.Media, new(2015, 10, 18), "EU Anti-trafficking Day: children are 19% of identified victims", null, "BE",
                [Reached(Audience.GeneralPublic, 2000)]),
        ],
        ["PTWC-RO"] =
        [
            (ActivityType.Workshop, new(2011, 4, 12), "Workshops on the realities of trafficking with ACSIS's beneficiaries", "Bucharest", "RO",
                [Reached(Audience.GeneralPublic, 45, Gender.Female)]),
        ],
        ["DAKAR-MAP"] =
        [
            (ActivityType.Research, new(2013, 6, 3), "Child-centred mapping of sexual exploitation in Dakar", "Dakar", "SN",
                [Reached(Audience.Children, 60)]),
        ],
        ["TASEC"] =
        [
            (ActivityType.Research, new(2014, 5, 15), "Research on the EU Directive's implementation in the 27 Member States", null, "BE", []),
            (ActivityType.AwarenessCampaign, new(2015, 11, 18), "First European Day on the Protection of Children against Sexual Exploitation and Sexual Abuse",
                "Brussels", "BE", [Reached(Audience.GeneralPublic, 500)]),
        ],
    };

    private static readonly string[] ReactLanguages = ["fr", "en", "nl", "de", "ar", "vi", "zh", "sq", "ro", "bg", "ps", "fa", "pcm"];

    /// <summary>Adds each demo project's work the first time; a project that already has activities is left alone.</summary>
    private static async Task SeedWorkAsync(ProjectsDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var projects = await db.Projects.Where(p => Activities.Keys.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Id, cancellationToken);
        var withActivities = await db.Activities.Select(a => a.ProjectId).Distinct().ToListAsync(cancellationToken);
        foreach (var (code, activities) in Activities)
        {
            if (!projects.TryGetValue(code, out var projectId) || withActivities.Contains(projectId))
            {
                continue;
            }
            var indicators = code == "GOLONDRINA" ? AddGolondrinaResults(db, projectId, now) : [];
            foreach (var (type, date, title, place, country, reach) in activities)
            {
                var activity = new Activity
                {
                    Id = Guid.CreateVersion7(), ProjectId = projectId, Type = type, Date = date, Title = title, Place = place,
                    Country = country, Reach = reach.Select(r => new ActivityReach { Audience = r.Audience, Gender = r.Gender, Count = r.Count }).ToList(),
                    IndicatorIds = type == ActivityType.AwarenessCampaign ? indicators : [],
                    Source = ActivitySource.Manual, LoggedBy = SeedUser, LoggedByName = SeedUserName, LoggedAt = now,
                };
                db.Activities.Add(activity);
                db.AddIntegrationEvent(new ActivityLogged(activity.ToDetails(), now));
            }
            if (code == "REACT")
            {
                AddReactDeliverables(db, projectId, now);
                AddReactApprovedPeriod(db, projectId, now);
            }
        }
    }

    /// <summary>Golondrina's framework: 2100 students and 380 teachers sensitised, as the seed text reports.</summary>
    private static List<Guid> AddGolondrinaResults(ProjectsDbContext db, Guid projectId, DateTimeOffset now)
    {
        var objective = new Objective
        {
            Id = Guid.CreateVersion7(), ProjectId = projectId, Code = "O1", CreatedAt = now,
            Title = "Students and teachers in Santafe, Candelaria and San Cristobal know how to prevent child sexual abuse",
        };
        db.Objectives.Add(objective);
        var indicators = new (string Code, string Name, decimal Target, decimal Value, Audience Audience)[]
        {
            ("1.1", "Students sensitised", 2000, 2100, Audience.Children),
            ("1.2", "Teachers sensitised", 400, 380, Audience.Professionals),
        };
        var ids = new List<Guid>();
        foreach (var (indicatorCode, name, target, value, audience) in indicators)
        {
            var indicator = new Indicator
            {
                Id = Guid.CreateVersion7(), ProjectId = projectId, ObjectiveId = objective.Id, Code = indicatorCode, Name = name,
                Unit = "people", Direction = IndicatorDirection.Increase, Aggregation = IndicatorAggregation.Cumulative,
                Baseline = 0, Target = target, Frequency = ReportingFrequency.Annual, CreatedAt = now,
            };
            var measurement = new Measurement
            {
                Id = Guid.CreateVersion7(), ProjectId = projectId, IndicatorId = indicator.Id, PeriodStart = new(2011, 1, 1),
                PeriodEnd = new(2011, 12, 31), Value = value, Audience = audience, Country = "CO", RecordedBy = SeedUser, RecordedAt = now,
            };
            db.Indicators.Add(indicator);
            db.AddIntegrationEvent(indicator.ToDefinedEvent(now));
            db.Measurements.Add(measurement);
            db.AddIntegrationEvent(measurement.ToEvent(indicator, now));
            ids.Add(indicator.Id);
        }
        return ids;
    }

    /// <summary>
    /// ReACT's 2016 reporting period (the video and leaflet), submitted and approved, so the demo shows a locked period and
    /// donor links have approved figures to show.
    /// </summary>
    private static void AddReactApprovedPeriod(ProjectsDbContext db, Guid projectId, DateTimeOffset now)
    {
        var period = ReportingPeriod.Create(projectId, new DateOnly(2016, 1, 1), new DateOnly(2016, 12, 31), SeedUser, SeedUserName, now);
        period.MoveTo(PeriodStatus.Submitted, SeedUser, SeedUserName, now, null);
        period.MoveTo(PeriodStatus.Approved, SeedUser, SeedUserName, now, "Approved in the demo data.");
        db.ReportingPeriods.Add(period);
        db.AddIntegrationEvent(new ReportingPeriodApproved(period.Id, period.ProjectId, period.From, period.To, now));
    }

    /// <summary>ReACT's leaflet and video, in the 13 languages the seed text lists.</summary>
    private static void AddReactDeliverables(ProjectsDbContext db, Guid projectId, DateTimeOffset now)
    {
        foreach (var (title, kind) in new[] { ("Leaflet on the rights of unaccompanied foreign minors", DeliverableKind.Leaflet),
                                               ("Video on the rights of unaccompanied foreign minors", DeliverableKind.Video) })
        {
            var deliverable = new Deliverable { Id = Guid.CreateVersion7(), ProjectId = projectId, Title = title, Kind = kind, CreatedAt = now };
            deliverable.Languages = ReactLanguages.Select(language => new DeliverableLanguage
            {
                DeliverableId = deliverable.Id, Language = language, Status = LanguageVersionStatus.Published,
                PublishedOn = new DateOnly(2016, 6, 1), UpdatedAt = now,
            }).ToList();
            db.Deliverables.Add(deliverable);
        }
    }
}
