using Advocacy.BuildingBlocks.Reference;
using Advocacy.Modules.Events.Contracts;
using Advocacy.Modules.Events.Data;
using Advocacy.Modules.Events.KnownProjects;
using FluentValidation;

namespace Advocacy.Modules.Events.Events;

/// <summary>One day of an event; its hours are optional.</summary>
internal sealed record SessionInput(DateOnly? Date, TimeOnly? StartTime = null, TimeOnly? EndTime = null);

/// <summary>
/// An event as staff plan or edit it (one form). An edit sends back the <see cref="Version"/> it read, so a
/// concurrent edit is not overwritten. Attendance is not part of it: it is recorded when the event is held.
/// </summary>
internal sealed record EventRequest(
    string Title,
    EventKind? Kind,
    List<SessionInput>? Sessions,
    bool? OrganisedByUs,
    string? OrganiserName = null,
    string? Description = null,
    string? Place = null,
    string? Country = null,
    bool? Online = null,
    string? OnlineUrl = null,
    List<Guid>? ProjectIds = null,
    uint? Version = null);

internal sealed class EventRequestValidator : AbstractValidator<EventRequest>
{
    public static readonly DateOnly EarliestDate = new(1990, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);
    public const int MaxSessions = 50;
    public const int MaxProjects = 20;

    public EventRequestValidator(EventsDbContext db)
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(Event.TitleMaxLength);
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.Description).MaximumLength(Event.DescriptionMaxLength);

        RuleFor(r => r.Sessions).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("An event has at least one session.")
            .Must(s => s!.Count <= MaxSessions).WithMessage($"At most {MaxSessions} sessions.")
            .Must(s => s!.Where(x => x?.Date is not null).DistinctBy(x => x.Date).Count() == s!.Count(x => x?.Date is not null))
            .WithMessage("Each session is on a day of its own: a date is listed twice.");
        RuleForEach(r => r.Sessions).NotNull().ChildRules(session =>
        {
            session.RuleFor(s => s.Date).NotNull().InclusiveBetween(EarliestDate, LatestDate);
            session.RuleFor(s => s.StartTime).NotNull().When(s => s.EndTime is not null)
                .WithMessage("An end time needs a start time.");
            session.RuleFor(s => s.EndTime).GreaterThan(s => s.StartTime).When(s => s.StartTime is not null && s.EndTime is not null)
                .WithMessage("The end time must be after the start time.");
        });

        RuleFor(r => r.Place).MaximumLength(Event.PlaceMaxLength);
        // An awareness day happens everywhere; an online event needs no room.
        RuleFor(r => r.Place).NotEmpty().When(r => r.Online != true && r.Kind != EventKind.AwarenessDay)
            .WithMessage("Give the place of an in-person event, or mark it online.");
        RuleFor(r => r.Country).Must(Countries.IsKnown).When(r => r.Country is not null)
            .WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 country code (e.g. BE, FR).");
        RuleFor(r => r.OnlineUrl).Null().When(r => r.Online != true)
            .WithMessage("Only an online event has a link: set online to true, or leave the link out.");
        RuleFor(r => r.OnlineUrl).MaximumLength(Event.OnlineUrlMaxLength)
            .Must(BeAbsoluteHttpUrl).When(r => r.OnlineUrl is not null)
            .WithMessage("The link must be an absolute http or https URL.");

        RuleFor(r => r.OrganisedByUs).NotNull().WithMessage("Say whether the event is organised by us (true) or by another body (false).");
        RuleFor(r => r.OrganiserName).NotEmpty().When(r => r.OrganisedByUs == false)
            .WithMessage("Name the body that organises the event.");
        RuleFor(r => r.OrganiserName).MaximumLength(Event.OrganiserNameMaxLength);

        RuleFor(r => r.ProjectIds).Must(p => p!.Count <= MaxProjects).WithMessage($"At most {MaxProjects} linked projects.")
            .When(r => r.ProjectIds is not null);
        RuleFor(r => r.ProjectIds).CustomAsync(async (ids, context, cancellationToken) =>
        {
            if (ids is not { Count: > 0 and <= MaxProjects })
            {
                return;
            }
            var unknown = await KnownProjectWriter.UnknownAsync(db, ids.Distinct().ToList(), cancellationToken);
            if (unknown.Count > 0)
            {
                context.AddFailure($"Unknown projects: {string.Join(", ", unknown)}.");
            }
        });
    }

    /// <summary>Copies validated input onto the event; sessions are kept earliest first.</summary>
    public static void Apply(EventRequest input, Event target)
    {
        target.Title = input.Title.Trim();
        target.Kind = input.Kind!.Value;
        target.Description = Input.Blank(input.Description);
        target.Sessions = input.Sessions!
            .OrderBy(s => s.Date)
            .Select(s => new EventSession { Date = s.Date!.Value, StartTime = s.StartTime, EndTime = s.EndTime })
            .ToList();
        target.StartsOn = target.Sessions[0].Date;
        target.Place = Input.Blank(input.Place);
        target.Country = input.Country;
        target.Online = input.Online ?? false;
        target.OnlineUrl = Input.Blank(input.OnlineUrl);
        target.OrganisedByUs = input.OrganisedByUs!.Value;
        target.OrganiserName = Input.Blank(input.OrganiserName);
        target.ProjectIds = (input.ProjectIds ?? []).Distinct().ToList();
    }

    /// <summary>The first session's date of a validated request.</summary>
    public static DateOnly FirstSession(EventRequest input) => input.Sessions!.Min(s => s.Date!.Value);


    private static bool BeAbsoluteHttpUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
