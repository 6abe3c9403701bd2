using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Stakeholders;
using StakeholderResponse = Advocacy.Modules.Projects.Contracts.StakeholderResponse;
using FluentValidation;

namespace Advocacy.Modules.Projects.Outcomes;

/// <summary>A stakeholder the activity addressed and their response (no answer when not given).</summary>
internal sealed record AddressedStakeholderInput(Guid? StakeholderId, StakeholderResponse? Response = null, string? Note = null);

/// <summary>
/// An activity's outcome as staff record it: whom it addressed and how they answered, the asks raised. When it is
/// first recorded it may bring its commitments and follow-ups; after that they have their own endpoints, and an
/// edit sends back the <see cref="Version"/> it read.
/// </summary>
internal sealed record OutcomeRequest(
    List<AddressedStakeholderInput>? Stakeholders,
    List<Guid>? AskIds = null,
    List<CommitmentRequest>? Commitments = null,
    List<FollowUpRequest>? FollowUps = null,
    uint? Version = null);

/// <summary>A commitment as staff record or edit it: what, by whom (a stakeholder the activity addressed), by when.</summary>
internal sealed record CommitmentRequest(string Text, Guid? StakeholderId, DateOnly? DueDate = null, Guid? AskId = null, uint? Version = null);

/// <summary>
/// A follow-up as staff add or edit it. <see cref="Done"/> (or a <see cref="DoneOn"/> date) closes it; done without
/// a date means done today. An edit sends back the <see cref="Version"/> it read.
/// </summary>
internal sealed record FollowUpRequest(
    string Action, string OwnerUserId, DateOnly? DueDate, bool? Done = null, DateOnly? DoneOn = null, uint? Version = null);

/// <summary>A change of a commitment's status on a day; fulfilled and broken need their evidence.</summary>
internal sealed record CommitmentStatusRequest(CommitmentStatus? Status, DateOnly? ChangedOn, string? Evidence = null, uint? Version = null);

internal sealed class OutcomeRequestValidator : AbstractValidator<OutcomeRequest>
{
    public OutcomeRequestValidator()
    {
        RuleFor(r => r.Stakeholders).NotEmpty().WithMessage(_ => ValidationMessages.NameStakeholder);
        RuleFor(r => r.Stakeholders)
            .Must(s => s!.Count <= AdvocacyLimits.PerRecord).WithMessage(_ => ValidationMessages.AtMostStakeholders.With(AdvocacyLimits.PerRecord))
            .Must(s => s!.Select(x => x?.StakeholderId).Distinct().Count() == s!.Count).WithMessage(_ => ValidationMessages.StakeholderListedTwice)
            .When(r => r.Stakeholders is not null);
        RuleForEach(r => r.Stakeholders).NotNull().ChildRules(stakeholder =>
        {
            stakeholder.RuleFor(s => s.StakeholderId).NotNull();
            stakeholder.RuleFor(s => s.Response).IsInEnum();
            stakeholder.RuleFor(s => s.Note).MaximumLength(AdvocacyLimits.Text);
        });
        RuleFor(r => r.AskIds)
            .Must(a => a!.Count <= AdvocacyLimits.PerRecord).WithMessage(_ => ValidationMessages.AtMostAsks.With(AdvocacyLimits.PerRecord))
            .Must(a => a!.Distinct().Count() == a!.Count).WithMessage(_ => ValidationMessages.AskListedTwice)
            .When(r => r.AskIds is not null);
        RuleFor(r => r.Commitments).Must(c => c!.Count <= AdvocacyLimits.PerRecord)
            .WithMessage(_ => ValidationMessages.AtMostCommitments.With(AdvocacyLimits.PerRecord)).When(r => r.Commitments is not null);
        RuleForEach(r => r.Commitments).NotNull().SetValidator(new CommitmentRequestValidator());
        RuleFor(r => r.FollowUps).Must(f => f!.Count <= AdvocacyLimits.PerRecord)
            .WithMessage(_ => SharedMessages.AtMostFollowUps.With(AdvocacyLimits.PerRecord)).When(r => r.FollowUps is not null);
        RuleForEach(r => r.FollowUps).NotNull().SetValidator(new FollowUpRequestValidator());
    }

    /// <summary>Copies validated input onto the outcome (not its commitments and follow-ups).</summary>
    public static void Apply(OutcomeRequest input, ActivityOutcome outcome)
    {
        outcome.Stakeholders = input.Stakeholders!
            .Select(s => new AddressedStakeholder
            {
                StakeholderId = s.StakeholderId!.Value, Response = s.Response ?? StakeholderResponse.NoAnswer, Note = Input.Blank(s.Note),
            })
            .ToList();
        outcome.AskIds = (input.AskIds ?? []).ToList();
    }
}

internal sealed class CommitmentRequestValidator : AbstractValidator<CommitmentRequest>
{
    public CommitmentRequestValidator()
    {
        RuleFor(c => c.Text).NotEmpty().MaximumLength(AdvocacyLimits.Text);
        RuleFor(c => c.StakeholderId).NotNull().WithMessage(_ => ValidationMessages.CommitmentStakeholder);
        RuleFor(c => c.DueDate).InclusiveBetween(AdvocacyLimits.EarliestDate, AdvocacyLimits.LatestDate);
    }

    public static void Apply(CommitmentRequest input, Commitment commitment)
    {
        commitment.Text = input.Text.Trim();
        commitment.StakeholderId = input.StakeholderId!.Value;
        commitment.DueDate = input.DueDate;
        commitment.AskId = input.AskId;
    }
}

internal sealed class FollowUpRequestValidator : AbstractValidator<FollowUpRequest>
{
    public FollowUpRequestValidator()
    {
        RuleFor(f => f.Action).NotEmpty().MaximumLength(AdvocacyLimits.Text);
        RuleFor(f => f.OwnerUserId).NotEmpty().MaximumLength(AdvocacyLimits.UserId);
        RuleFor(f => f.DueDate).NotNull().InclusiveBetween(AdvocacyLimits.EarliestDate, AdvocacyLimits.LatestDate);
        RuleFor(f => f.DoneOn).InclusiveBetween(AdvocacyLimits.EarliestDate, AdvocacyLimits.LatestDate);
        RuleFor(f => f.DoneOn).Null().When(f => f.Done == false).WithMessage(_ => SharedMessages.OpenFollowUpHasNoDoneDate);
    }

    /// <summary>Copies validated input onto the follow-up; done without a date keeps an earlier date, or is today.</summary>
    public static void Apply(FollowUpRequest input, FollowUp followUp, DateOnly today)
    {
        followUp.Action = input.Action.Trim();
        followUp.OwnerUserId = input.OwnerUserId;
        followUp.DueDate = input.DueDate!.Value;
        followUp.DoneOn = (input.Done ?? input.DoneOn is not null) ? input.DoneOn ?? followUp.DoneOn ?? today : null;
    }
}

internal sealed class CommitmentStatusRequestValidator : AbstractValidator<CommitmentStatusRequest>
{
    public CommitmentStatusRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.Status).NotNull().IsInEnum();
        RuleFor(r => r.ChangedOn).NotNull()
            .Must(d => d is null || (d >= AdvocacyLimits.EarliestDate && d <= clock.Today()))
            .WithMessage(_ => ValidationMessages.ChangeDayInFuture);
        RuleFor(r => r.Evidence).MaximumLength(AdvocacyLimits.Text);
        RuleFor(r => r.Evidence).NotEmpty().When(r => r.Status is { } s && Commitment.IsClosed(s))
            .WithMessage(_ => ValidationMessages.CommitmentEvidence);
        RuleFor(r => r.Version).NotNull().WithMessage(_ => AdvocacyLimits.VersionMissing);
    }
}
