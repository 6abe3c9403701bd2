using Advocacy.BuildingBlocks.Reference;
using Advocacy.BuildingBlocks.Text;
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

        RuleFor(r => r.Sessions).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(_ => ValidationMessages.AtLeastOneSession)
            .Must(s => s!.Count <= MaxSessions).WithMessage(_ => ValidationMessages.AtMostSessions.With(MaxSessions))
            .Must(s => s!.Where(x => x?.Date is not null).DistinctBy(x => x.Date).Count() == s!.Count(x => x?.Date is not null))
            .WithMessage(_ => ValidationMessages.SessionDayTwice);
        RuleForEach(r => r.Sessions).NotNull().ChildRules(session =>
        {
            session.RuleFor(s => s.Date).NotNull().InclusiveBetween(EarliestDate, LatestDate);
            session.RuleFor(s => s.StartTime).NotNull().When(s => s.EndTime is not null)
                .WithMessage(_ => ValidationMessages.EndTimeNeedsStart);
            session.RuleFor(s => s.EndTime).GreaterThan(s => s.StartTime).When(s => s.StartTime is not null && s.EndTime is not null)
                .WithMessage(_ => ValidationMessages.EndTimeAfterStart);
        });

        RuleFor(r => r.Place).MaximumLength(Event.PlaceMaxLength);
        // An awareness day happens everywhere; an online event needs no room.
        RuleFor(r => r.Place).NotEmpty().When(r => r.Online != true && r.Kind != EventKind.AwarenessDay)
            .WithMessage(_ => ValidationMessages.PlaceOrOnline);
        RuleFor(r => r.Country).Must(Countries.IsKnown).When(r => r.Country is not null)
            .WithMessage(_ => SharedMessages.CountryCode);
        RuleFor(r => r.OnlineUrl).Null().When(r => r.Online != true)
            .WithMessage(_ => ValidationMessages.OnlyOnlineHasLink);
        RuleFor(r => r.OnlineUrl).MaximumLength(Event.OnlineUrlMaxLength)
            .Must(BeAbsoluteHttpUrl).When(r => r.OnlineUrl is not null)
            .WithMessage(_ => ValidationMessages.LinkAbsoluteUrl);

        RuleFor(r => r.OrganisedByUs).NotNull().WithMessage(_ => ValidationMessages.OrganisedByUs);
        RuleFor(r => r.OrganiserName).NotEmpty().When(r => r.OrganisedByUs == false)
            .WithMessage(_ => ValidationMessages.NameOrganiser);
        RuleFor(r => r.OrganiserName).MaximumLength(Event.OrganiserNameMaxLength);

        RuleFor(r => r.ProjectIds).Must(p => p!.Count <= MaxProjects).WithMessage(_ => ValidationMessages.AtMostLinkedProjects.With(MaxProjects))
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
                context.AddFailure(ValidationMessages.UnknownProjects.With(string.Join(", ", unknown)));
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
