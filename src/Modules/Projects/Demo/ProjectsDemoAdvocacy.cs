using Advocacy.BuildingBlocks.Messaging;
using Advocacy.Modules.Projects.Activities;
using Advocacy.Modules.Projects.Asks;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Outcomes;
using Advocacy.Modules.Projects.Stakeholders;
using StakeholderResponse = Advocacy.Modules.Projects.Contracts.StakeholderResponse;

namespace Advocacy.Modules.Projects;

/// <summary>
/// The demo's advocacy story, from the seed texts: the stakeholders they name, the network statement to the European
/// institutions as an ask of Mario with a meeting that records their answer, and the ReACT report's presentation to
/// the Council of Europe's 47 States Parties with theirs.
/// </summary>
public static partial class ProjectsDemoData
{
    private const string CouncilOfEurope = "Council of Europe";
    private const string StatesParties = "The 47 States Parties";

    /// <summary>
    /// The seed says the statement went "to the attention of European institutions" and names none of them, so the demo
    /// keeps them as one stakeholder rather than guess which ones.
    /// </summary>
    private const string EuropeanInstitutions = "European institutions";

    private static readonly (string Name, StakeholderKind Kind, StakeholderLevel Level, string? Country, string? Parent)[] Stakeholders =
    [
        (CouncilOfEurope, StakeholderKind.CouncilOfEuropeBody, StakeholderLevel.European, null, null),
        // "invited to the Council of Europe to present its ReACT European report ... to the 47 States Parties".
        (StatesParties, StakeholderKind.CouncilOfEuropeBody, StakeholderLevel.European, null, CouncilOfEurope),
        (EuropeanInstitutions, StakeholderKind.EuInstitution, StakeholderLevel.European, null, null),
        // The seat of the awareness event on child trafficking; a parliament of the Brussels region, hence regional.
        ("French-speaking Brussels Parliament", StakeholderKind.Parliament, StakeholderLevel.Regional, "BE", null),
        // Signed the Code of Conduct in 2014; ECPAT Belgium trained its managers (HOTEL-CODE).
        ("ACCOR Belgium", StakeholderKind.Company, StakeholderLevel.National, "BE", null),
    ];

    /// <summary>The ECPAT network's statement, as Coalitions' demo data calls it.</summary>
    private const string RefugeeStatement = "ECPAT statement on the protection of refugee and migrant children";

    private const string RefugeeAsk =
        "Strengthen the protection of refugee and migrant children arriving in the European Union, particularly vulnerable, "
        + "some of them separated from their families.";

    private const string ReactAsk = "Help lawyers and guardians better identify and take care of child victims of trafficking.";

    /// <summary>Made up for the demo, and says so in its title: the seed texts record no meeting and no answer.</summary>
    private const string RefugeeMeeting = "Meeting with the European institutions on the network statement on refugee children (demo)";

    /// <summary>Adds the advocacy story the first time; each part is looked up first, so running it twice changes nothing.</summary>
    private static async Task SeedAdvocacyAsync(ProjectsDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stakeholders = await SeedStakeholdersAsync(db, now, cancellationToken);
        var projects = await db.Projects.Where(p => p.Code == "MARIO" || p.Code == "REACT").ToDictionaryAsync(p => p.Code, p => p.Id, cancellationToken);
        if (projects.TryGetValue("MARIO", out var mario))
        {
            // Coalitions' demo statement is not linked to a project, and Projects cannot read its id: the ask keeps its title only.
            var ask = await SeedAskAsync(db, mario, RefugeeAsk, new DateOnly(2015, 10, 28), AskSource.Statement, RefugeeStatement,
                stakeholders[EuropeanInstitutions], now, cancellationToken);
            // The statement itself (logged by SeedWorkAsync): addressed to the European institutions; the seeds record no answer.
            await SeedOutcomeAsync(db, mario, "Statement of 12 ECPAT members to the European institutions on refugee children",
                stakeholders[EuropeanInstitutions], StakeholderResponse.NoAnswer, note: null, ask, now, cancellationToken);
            var meeting = await SeedMeetingAsync(db, mario, now, cancellationToken);
            // Demo data: the response and its note are made up; the seed texts record no answer from the European institutions.
            await SeedOutcomeAsync(db, mario, meeting.Title, stakeholders[EuropeanInstitutions], StakeholderResponse.Neutral,
                "Demo data: this meeting and this answer are made up; the seed texts record no answer.",
                ask, now, cancellationToken);
        }
        if (projects.TryGetValue("REACT", out var react))
        {
            // The report's recommendations are Reports' demo data; their ids are Reports' own, so the ask keeps the title.
            var ask = await SeedAskAsync(db, react, ReactAsk, new DateOnly(2017, 3, 1), AskSource.Recommendation, "Better support, better protection",
                stakeholders[StatesParties], now, cancellationToken);
            await SeedOutcomeAsync(db, react, "Presentation of \"Better support, better protection\" to the Council of Europe",
                stakeholders[StatesParties], StakeholderResponse.Supportive,
                "The ReACT video and folder were received very positively and incorporated as a good practice in the Council of Europe's "
                    + "report \"Protecting children affected by the refugee crisis from sexual exploitation and sexual abuse\".",
                ask, now, cancellationToken);
        }
    }

    private static async Task<Dictionary<string, Stakeholder>> SeedStakeholdersAsync(ProjectsDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var names = Stakeholders.Select(s => s.Name).ToList();
        var existing = await db.Stakeholders.Where(s => names.Contains(s.Name)).ToListAsync(cancellationToken);
        var byName = new Dictionary<string, Stakeholder>();
        foreach (var (name, kind, level, country, parent) in Stakeholders)
        {
            Guid? parentId = parent is null ? null : byName[parent].Id;
            var stakeholder = existing.FirstOrDefault(s => s.Name == name && s.ParentId == parentId);
            if (stakeholder is null)
            {
                stakeholder = new Stakeholder
                {
                    Id = Guid.CreateVersion7(), Name = name, Kind = kind, Level = level, Country = country, ParentId = parentId,
                    CreatedBy = SeedUser, CreatedAt = now, UpdatedAt = now,
                };
                db.Stakeholders.Add(stakeholder);
                db.AddIntegrationEvent(new StakeholderChanged(stakeholder.ToDetails(), now));
            }
            byName[name] = stakeholder;
        }
        return byName;
    }

    private static async Task<Ask> SeedAskAsync(
        ProjectsDbContext db, Guid projectId, string text, DateOnly openedOn, AskSource source, string sourceTitle, Stakeholder target,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ask = await db.Asks.SingleOrDefaultAsync(a => a.ProjectId == projectId && a.Text == text, cancellationToken);
        if (ask is null)
        {
            ask = new Ask
            {
                Id = Guid.CreateVersion7(), ProjectId = projectId, Text = text, TargetStakeholderIds = [target.Id], Source = source,
                SourceTitle = sourceTitle, OpenedOn = openedOn, Status = AskStatus.Open,
                CreatedBy = SeedUser, CreatedByName = SeedUserName, CreatedAt = now, UpdatedAt = now,
            };
            db.Asks.Add(ask);
            db.AddIntegrationEvent(new AskChanged(ask.ToDetails(new Dictionary<Guid, Stakeholder> { [target.Id] = target }), now));
        }
        return ask;
    }

    private static async Task<Activity> SeedMeetingAsync(ProjectsDbContext db, Guid projectId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var meeting = await db.Activities.SingleOrDefaultAsync(a => a.ProjectId == projectId && a.Title == RefugeeMeeting, cancellationToken);
        if (meeting is null)
        {
            meeting = new Activity
            {
                // The date, the place and the meeting itself are demo data.
                Id = Guid.CreateVersion7(), ProjectId = projectId, Type = ActivityType.MeetingWithPolicyMakers, Date = new DateOnly(2016, 2, 16),
                Title = RefugeeMeeting, Place = "Brussels", Country = "BE",
                Notes = "Made up for the demo: the seed texts tell of the statement, not of a meeting about it.",
                Source = ActivitySource.Manual, LoggedBy = SeedUser, LoggedByName = SeedUserName, LoggedAt = now,
            };
            db.Activities.Add(meeting);
            db.AddIntegrationEvent(new ActivityLogged(meeting.ToDetails(), now));
        }
        return meeting;
    }

    /// <summary>Records the outcome of the project's activity of that title, unless it has one (or the activity is gone).</summary>
    private static async Task SeedOutcomeAsync(
        ProjectsDbContext db, Guid projectId, string activityTitle, Stakeholder addressed, StakeholderResponse response, string? note, Ask ask,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var activity = db.Activities.Local.FirstOrDefault(a => a.ProjectId == projectId && a.Title == activityTitle && a.DeletedAt == null)
            ?? await db.Activities.FirstOrDefaultAsync(a => a.ProjectId == projectId && a.Title == activityTitle && a.DeletedAt == null, cancellationToken);
        if (activity is null || !AdvocacyActivityTypes.Contains(activity.Type)
            || await db.ActivityOutcomes.AnyAsync(o => o.ActivityId == activity.Id, cancellationToken))
        {
            return;
        }
        var outcome = new ActivityOutcome
        {
            ActivityId = activity.Id, ProjectId = projectId, RecordedBy = SeedUser, RecordedByName = SeedUserName, RecordedAt = now,
            Stakeholders = [new AddressedStakeholder { StakeholderId = addressed.Id, Response = response, Note = note }],
            AskIds = [ask.Id],
        };
        db.ActivityOutcomes.Add(outcome);
        db.AddIntegrationEvent(outcome.ToEvent(activity, new Dictionary<Guid, Stakeholder> { [addressed.Id] = addressed }, now));
    }
}
