using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Coalitions.Contracts;
using Advocacy.Modules.Coalitions.Shared;
using FluentValidation;

namespace Advocacy.Modules.Coalitions.Coalitions;

/// <summary>
/// A coalition as staff register or edit it. An edit sends back the <see cref="Version"/> it read, so a
/// concurrent edit is not overwritten. <see cref="OurRole"/> defaults to member.
/// </summary>
internal sealed record CoalitionRequest(
    string Name,
    CoalitionLevel? Level,
    string? Website = null,
    CoalitionRole? OurRole = null,
    DateOnly? JoinedOn = null,
    DateOnly? LeftOn = null,
    string? Description = null,
    uint? Version = null);

internal sealed class CoalitionRequestValidator : AbstractValidator<CoalitionRequest>
{
    public CoalitionRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Limits.Name);
        RuleFor(r => r.Level).NotNull().IsInEnum();
        RuleFor(r => r.Website).WebAddress().When(r => !string.IsNullOrWhiteSpace(r.Website));
        RuleFor(r => r.OurRole).IsInEnum();
        RuleFor(r => r.JoinedOn).WithinDateRange();
        RuleFor(r => r.LeftOn).WithinDateRange()
            .GreaterThanOrEqualTo(r => r.JoinedOn).When(r => r.JoinedOn is not null)
            .WithMessage(_ => ValidationMessages.LeaveBeforeJoin);
        RuleFor(r => r.Description).MaximumLength(Limits.Text);
    }

    /// <summary>Copies validated input onto the coalition.</summary>
    public static void Apply(CoalitionRequest input, Coalition coalition)
    {
        coalition.Name = input.Name.Trim();
        coalition.Level = input.Level!.Value;
        coalition.Website = Input.Blank(input.Website);
        coalition.OurRole = input.OurRole ?? CoalitionRole.Member;
        coalition.JoinedOn = input.JoinedOn;
        coalition.LeftOn = input.LeftOn;
        coalition.Description = Input.Blank(input.Description);
    }
}

/// <summary>A member organisation to add to a coalition.</summary>
internal sealed record MemberRequest(string Name, string? Country = null);

internal sealed class MemberRequestValidator : AbstractValidator<MemberRequest>
{
    public MemberRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Limits.Name);
        RuleFor(r => r.Country).Must(BuildingBlocks.Reference.Countries.IsKnown).When(r => r.Country is not null)
            .WithMessage(_ => SharedMessages.CountryCode);
    }
}
