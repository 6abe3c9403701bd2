namespace Advocacy.Modules.Events.Participants;

/// <summary>
/// An organisation taking part in an event and its role there ("speaker", "police"). A person is named
/// only with their recorded consent; deleting the participant deletes the name.
/// </summary>
internal sealed class Participant
{
    public const int OrganisationMaxLength = 300;
    public const int RoleMaxLength = 200;
    public const int PersonNameMaxLength = 200;

    /// <summary>How many participants one event may have.</summary>
    public const int MaxPerEvent = 500;

    public Guid Id { get; init; }

    public Guid EventId { get; init; }

    public required string Organisation { get; init; }

    public required string Role { get; init; }

    /// <summary>Personal data: set only together with <see cref="ConsentRecordedOn"/>.</summary>
    public string? PersonName { get; init; }

    /// <summary>When the person's consent to be named was recorded.</summary>
    public DateOnly? ConsentRecordedOn { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A participant as the API returns it.</summary>
internal sealed record ParticipantResponse(
    Guid Id, Guid EventId, string Organisation, string Role, string? PersonName, DateOnly? ConsentRecordedOn, DateTimeOffset CreatedAt)
{
    public static ParticipantResponse From(Participant p) =>
        new(p.Id, p.EventId, p.Organisation, p.Role, p.PersonName, p.ConsentRecordedOn, p.CreatedAt);
}
