using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Events.Data;
using Advocacy.Modules.Events.Events;
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Events.Participants.AddParticipant;

/// <summary>
/// An organisation and its role at the event; a person's name only with the date their consent to be
/// named was recorded.
/// </summary>
internal sealed record ParticipantRequest(string Organisation, string Role, string? PersonName = null, DateOnly? ConsentRecordedOn = null);

internal sealed class ParticipantRequestValidator : AbstractValidator<ParticipantRequest>
{
    public ParticipantRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.Organisation).NotEmpty().MaximumLength(Participant.OrganisationMaxLength);
        RuleFor(r => r.Role).NotEmpty().MaximumLength(Participant.RoleMaxLength);
        RuleFor(r => r.PersonName).MaximumLength(Participant.PersonNameMaxLength);
        RuleFor(r => r.PersonName).Null().When(r => r.ConsentRecordedOn is null)
            .WithMessage(_ => ValidationMessages.NameNeedsConsent);
        RuleFor(r => r.ConsentRecordedOn).Null().When(r => string.IsNullOrWhiteSpace(r.PersonName))
            .WithMessage(_ => ValidationMessages.ConsentNeedsName);
        // A day of slack: Brussels' today can be UTC's tomorrow.
        RuleFor(r => r.ConsentRecordedOn)
            .GreaterThanOrEqualTo(EventRequestValidator.EarliestDate)
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1))
            .WithMessage(_ => ValidationMessages.ConsentDateFuture);
    }
}

internal sealed class AddParticipantEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        EventsApi.Group(app)
            .MapPost("{id:guid}/participants", Handle)
            .WithName("AddEventParticipant")
            .RequireAuthorization(Policies.Write)
            .WithValidation<ParticipantRequest>()
            .WithSummary("Adds a participant: an organisation and its role, a person's name only with recorded consent.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Created<ParticipantResponse>> Handle(
        Guid id, ParticipantRequest request, EventsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var found = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new NotFoundException("Event", id);
        EventsApi.EnsureNotCancelled(found);
        if (await db.Participants.CountAsync(p => p.EventId == id, cancellationToken) >= Participant.MaxPerEvent)
        {
            throw new ConflictException($"The event already has {Participant.MaxPerEvent} participants, the most it may have.");
        }

        var participant = new Participant
        {
            Id = Guid.CreateVersion7(),
            EventId = id,
            Organisation = request.Organisation.Trim(),
            Role = request.Role.Trim(),
            PersonName = string.IsNullOrWhiteSpace(request.PersonName) ? null : request.PersonName.Trim(),
            ConsentRecordedOn = request.ConsentRecordedOn,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Participants.Add(participant);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/events/{id}/participants/{participant.Id}", ParticipantResponse.From(participant));
    }
}
