using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Coalitions.Data;
using Advocacy.Modules.Coalitions.Shared;
using FluentValidation;

namespace Advocacy.Modules.Coalitions.Meetings;

/// <summary>
/// A follow-up action as staff add or edit it. <see cref="Done"/> (or a <see cref="DoneOn"/> date) closes it;
/// done without a date means done today. An edit sends back the <see cref="Version"/> it read.
/// </summary>
internal sealed record FollowUpRequest(string Action, string OwnerUserId, DateOnly? DueDate, bool? Done = null, DateOnly? DoneOn = null, uint? Version = null);

internal sealed class FollowUpRequestValidator : AbstractValidator<FollowUpRequest>
{
    public const int MaxPerMeeting = 100;

    public FollowUpRequestValidator()
        : this(meetingDate: null)
    {
    }

    /// <param name="meetingDate">When known, the due date may not be before it.</param>
    public FollowUpRequestValidator(DateOnly? meetingDate)
    {
        RuleFor(f => f.Action).NotEmpty().MaximumLength(Limits.Text);
        RuleFor(f => f.OwnerUserId).NotEmpty().MaximumLength(Limits.UserId);
        RuleFor(f => f.DueDate).NotNull().WithinDateRange();
        if (meetingDate is { } date)
        {
            RuleFor(f => f.DueDate).Must(due => due is null || due >= date).WithMessage(_ => DueBeforeMeeting(date));
        }
        RuleFor(f => f.DoneOn).WithinDateRange();
        RuleFor(f => f.DoneOn).Null().When(f => f.Done == false).WithMessage(_ => SharedMessages.OpenFollowUpHasNoDoneDate);
    }

    public static string DueBeforeMeeting(DateOnly meetingDate) => ValidationMessages.DueBeforeMeeting.With(meetingDate);

    /// <summary>Copies validated input onto the follow-up; done without a date keeps an earlier date, or is today.</summary>
    public static void Apply(FollowUpRequest input, FollowUp followUp, DateOnly today)
    {
        followUp.Action = input.Action.Trim();
        followUp.OwnerUserId = input.OwnerUserId;
        followUp.DueDate = input.DueDate!.Value;
        followUp.DoneOn = (input.Done ?? input.DoneOn is not null) ? input.DoneOn ?? followUp.DoneOn ?? today : null;
    }

    public static FollowUp Create(FollowUpRequest input, Guid meetingId, DateOnly today)
    {
        var followUp = new FollowUp { Id = Guid.CreateVersion7(), MeetingId = meetingId, Action = "", OwnerUserId = "" };
        Apply(input, followUp, today);
        return followUp;
    }
}

/// <summary>
/// A meeting as staff record or edit it. Follow-ups come with the meeting when it is recorded; after that
/// they have their own endpoints. An edit sends back the <see cref="Version"/> it read.
/// </summary>
internal sealed record MeetingRequest(
    DateOnly? Date,
    string? Agenda = null,
    List<string>? AttendeeUserIds = null,
    List<Guid>? ProjectIds = null,
    List<FollowUpRequest>? FollowUps = null,
    uint? Version = null);

internal sealed class MeetingRequestValidator : AbstractValidator<MeetingRequest>
{
    public MeetingRequestValidator()
    {
        RuleFor(r => r.Date).NotNull().WithinDateRange();
        RuleFor(r => r.Agenda).MaximumLength(Limits.Text);
        RuleFor(r => r.AttendeeUserIds).UserIds();
        RuleFor(r => r.ProjectIds).LinkedProjects();
        RuleFor(r => r.FollowUps).Must(f => f is null || f.Count <= FollowUpRequestValidator.MaxPerMeeting)
            .WithMessage(_ => SharedMessages.AtMostFollowUps.With(FollowUpRequestValidator.MaxPerMeeting));
        RuleForEach(r => r.FollowUps).SetValidator((meeting, _) => new FollowUpRequestValidator(meeting.Date));
    }

    /// <summary>Copies validated input onto the meeting (not its follow-ups).</summary>
    public static void Apply(MeetingRequest input, Meeting meeting)
    {
        meeting.Date = input.Date!.Value;
        meeting.Agenda = Input.Blank(input.Agenda);
        meeting.AttendeeUserIds = (input.AttendeeUserIds ?? []).ToList();
        meeting.ProjectIds = (input.ProjectIds ?? []).ToList();
    }

    /// <summary>
    /// Per-field errors for what the request refers to: unknown projects, people who are not users (those
    /// already on the <paramref name="stored"/> meeting stay allowed).
    /// </summary>
    public static async Task<Dictionary<string, string[]>> LinkErrorsAsync(
        MeetingRequest request, Meeting? stored, CoalitionsDbContext db, IUserDirectory users, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        await db.CheckProjectsAsync(request.ProjectIds, errors, cancellationToken);
        var people = (request.AttendeeUserIds ?? []).Select(id => ("attendeeUserIds", id))
            .Concat((request.FollowUps ?? []).Select((f, i) => ($"followUps[{i}].ownerUserId", f.OwnerUserId)));
        var storedPeople = stored is null ? [] : stored.AttendeeUserIds.Concat(stored.FollowUps.Select(f => f.OwnerUserId)).ToHashSet();
        await users.CheckUsersAsync(people, storedPeople, errors, cancellationToken);
        return errors;
    }
}

/// <summary>The checks of a follow-up that need its meeting and the user directory.</summary>
internal static class FollowUpRules
{
    /// <summary>
    /// Per-field errors: due before the meeting, an owner who is not a user (the <paramref name="storedOwner"/>
    /// of an edited follow-up stays allowed).
    /// </summary>
    public static async Task<Dictionary<string, string[]>> ErrorsAsync(
        FollowUpRequest request, Meeting meeting, string? storedOwner, IUserDirectory users, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.DueDate < meeting.Date)
        {
            errors["dueDate"] = [FollowUpRequestValidator.DueBeforeMeeting(meeting.Date)];
        }
        var stored = storedOwner is null ? new HashSet<string>() : [storedOwner];
        await users.CheckUsersAsync([("ownerUserId", request.OwnerUserId)], stored, errors, cancellationToken);
        return errors;
    }
}
