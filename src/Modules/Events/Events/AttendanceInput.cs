using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Contracts;
using FluentValidation;

namespace Advocacy.Modules.Events.Events;

/// <summary>How many people of an audience (and, where known, gender) attended.</summary>
internal sealed record AttendanceInput(Audience? Audience, Gender? Gender, int? Count);

/// <summary>
/// The attendance of a held event, sent when marking it held and when correcting it later, with the
/// <see cref="Version"/> of the event the client read.
/// </summary>
internal sealed record AttendanceRequest(List<AttendanceInput>? Attendance, uint? Version);

internal sealed class AttendanceRequestValidator : AbstractValidator<AttendanceRequest>
{
    public const int MaxEntries = 20;
    public const int MaxCount = 10_000_000;

    public AttendanceRequestValidator()
    {
        RuleFor(r => r.Attendance).Cascade(CascadeMode.Stop).NotNull().WithMessage(_ => ValidationMessages.SendAttendance)
            .Must(a => a!.Count <= MaxEntries).WithMessage(_ => ValidationMessages.AtMostAttendance.With(MaxEntries))
            .Must(a => a!.Where(x => x is not null).Select(x => (x.Audience, x.Gender)).Distinct().Count() == a!.Count(x => x is not null))
            .WithMessage(_ => SharedMessages.EachAudienceAndGenderOnce);
        RuleForEach(r => r.Attendance).NotNull().ChildRules(entry =>
        {
            entry.RuleFor(x => x.Audience).NotNull().IsInEnum();
            entry.RuleFor(x => x.Gender).IsInEnum();
            entry.RuleFor(x => x.Count).NotNull().InclusiveBetween(0, MaxCount);
        });
        RuleFor(r => r.Version).NotNull().WithMessage(_ => EventsApi.VersionRequired);
    }

    /// <summary>The validated attendance as stored.</summary>
    public static List<EventAttendance> Entries(AttendanceRequest request) =>
        request.Attendance!.Select(a => new EventAttendance { Audience = a.Audience!.Value, Gender = a.Gender, Count = a.Count!.Value }).ToList();
}
