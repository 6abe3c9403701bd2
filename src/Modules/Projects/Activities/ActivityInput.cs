using Advocacy.BuildingBlocks.Reference;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using FluentValidation;

namespace Advocacy.Modules.Projects.Activities;

/// <summary>
/// An activity as staff log or edit it (one form). An edit sends back the <see cref="Version"/> it read,
/// so a concurrent edit is not overwritten.
/// </summary>
internal sealed record ActivityRequest(
    ActivityType? Type,
    DateOnly? Date,
    string Title,
    string? Notes = null,
    string? Place = null,
    string? Country = null,
    List<ReachInput>? Reach = null,
    List<Guid>? IndicatorIds = null,
    Guid? EventId = null,
    Guid? CoalitionId = null,
    Guid? ReportId = null,
    uint? Version = null);

internal sealed class ActivityRequestValidator : AbstractValidator<ActivityRequest>
{
    public const int MaxReachPerAudience = 10_000_000;

    public ActivityRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.Type).NotNull().IsInEnum();
        RuleFor(r => r.Date).NotNull()
            .Must(d => d >= Activity.EarliestDate && d <= LatestDate(clock))
            .WithMessage(_ => ValidationMessages.ActivityDateRange.With(Activity.EarliestDate));
        RuleFor(r => r.Title).NotEmpty().MaximumLength(Activity.TitleMaxLength);
        RuleFor(r => r.Notes).MaximumLength(Activity.NotesMaxLength);
        RuleFor(r => r.Place).MaximumLength(Activity.PlaceMaxLength);
        RuleFor(r => r.Country).Must(Countries.IsKnown).When(r => r.Country is not null)
            .WithMessage(_ => ValidationMessages.CountryCodeBeCo);
        RuleFor(r => r.Reach).Must(r => r!.Count <= 20).WithMessage(_ => ValidationMessages.AtMost20Reach)
            .Must(r => r!.Select(x => (x?.Audience, x?.Gender)).Distinct().Count() == r!.Count)
            .WithMessage(_ => SharedMessages.EachAudienceAndGenderOnce)
            .When(r => r.Reach is not null);
        RuleForEach(r => r.Reach).ChildRules(reach =>
        {
            reach.RuleFor(x => x.Audience).NotNull().IsInEnum();
            reach.RuleFor(x => x.Gender).IsInEnum();
            reach.RuleFor(x => x.Count).NotNull().InclusiveBetween(0, MaxReachPerAudience);
        });
        RuleFor(r => r.IndicatorIds).Must(i => i!.Count <= 50).WithMessage(_ => ValidationMessages.AtMost50Indicators)
            .When(r => r.IndicatorIds is not null);
    }

    public static DateOnly LatestDate(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(1);

    /// <summary>Copies validated input onto the activity.</summary>
    public static void Apply(ActivityRequest input, Activity activity)
    {
        activity.Type = input.Type!.Value;
        activity.Date = input.Date!.Value;
        activity.Title = input.Title.Trim();
        activity.Notes = Input.Blank(input.Notes);
        activity.Place = Input.Blank(input.Place);
        activity.Country = input.Country;
        activity.Reach = (input.Reach ?? [])
            .Select(r => new ActivityReach { Audience = r.Audience!.Value, Gender = r.Gender, Count = r.Count!.Value })
            .ToList();
        activity.IndicatorIds = (input.IndicatorIds ?? []).Distinct().ToList();
        activity.EventId = input.EventId;
        activity.CoalitionId = input.CoalitionId;
        activity.ReportId = input.ReportId;
    }

}

/// <summary>The rules that need the project: its period and its own indicators.</summary>
internal static class ActivityProjectRules
{
    /// <summary>Per-field errors for an activity of <paramref name="project"/>, or null when it fits the project.</summary>
    public static Dictionary<string, string[]>? Errors(ProjectPeriod project, DateOnly date, IReadOnlyCollection<Guid> indicatorIds, IReadOnlySet<Guid> projectIndicators)
    {
        var errors = new Dictionary<string, string[]>();
        if (date < project.StartDate || (project.EndDate is { } end && date > end))
        {
            errors["date"] = [$"The date must fall within the project ({project.StartDate:yyyy-MM-dd} to {project.EndDate?.ToString("yyyy-MM-dd") ?? "open"})."];
        }
        var foreign = indicatorIds.Where(id => !projectIndicators.Contains(id)).ToList();
        if (foreign.Count > 0)
        {
            errors["indicatorIds"] = [$"Not indicators of this project: {string.Join(", ", foreign)}."];
        }
        return errors.Count == 0 ? null : errors;
    }

    /// <summary>The project's period and indicator ids; 404 when the project does not exist.</summary>
    public static async Task<(ProjectPeriod Project, HashSet<Guid> Indicators)> LoadAsync(
        ProjectsDbContext db, Guid projectId, CancellationToken cancellationToken)
    {
        // One round trip: on the path of every activity logged.
        var loaded = await db.Projects.AsNoTracking()
            .Where(p => p.Id == projectId)
            .Select(p => new
            {
                Project = new ProjectPeriod(p.Id, p.StartDate, p.EndDate),
                Indicators = db.Indicators.Where(i => i.ProjectId == p.Id).Select(i => i.Id).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new BuildingBlocks.Http.NotFoundException("Project", projectId);
        return (loaded.Project, loaded.Indicators.ToHashSet());
    }
}

internal sealed record ProjectPeriod(Guid Id, DateOnly StartDate, DateOnly? EndDate);

internal static class ActivityRules
{
    /// <summary>An activity recorded from an event, a meeting or a statement changes with its source, not by hand.</summary>
    public static void EnsureEditable(Activity activity)
    {
        if (activity.SourceKey is not null)
        {
            var where = activity.Source switch
            {
                ActivitySource.Event => "the event it was recorded from (Events)",
                ActivitySource.CoalitionMeeting => "the coalition meeting it was recorded from (Coalitions)",
                _ => "the statement it was recorded from (Coalitions)",
            };
            throw new BuildingBlocks.Http.ConflictException($"This activity follows {where}: change it there.");
        }
    }
}
