using Advocacy.BuildingBlocks.Identity;
using Advocacy.BuildingBlocks.Reference;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Contracts;
using FluentValidation;

namespace Advocacy.Modules.Projects.Projects;

internal sealed record OrganisationInput(string Name, OrganisationRole? Role, string? Country);

/// <summary>
/// A project as staff create or edit it. An edit sends back the <see cref="Version"/> it read, so a
/// concurrent edit is not overwritten.
/// </summary>
internal sealed record ProjectRequest(
    string Code,
    string Name,
    string? Summary,
    ProjectLevel? Level,
    ProjectStatus? Status,
    DateOnly? StartDate,
    DateOnly? EndDate,
    List<string>? Countries,
    List<OrganisationInput>? Organisations,
    decimal? BudgetAmount,
    string? BudgetCurrency,
    List<string>? ResponsibleStaffIds,
    uint? Version = null,
    Dictionary<string, string>? NameTranslations = null,
    Dictionary<string, string>? SummaryTranslations = null);

internal sealed class ProjectRequestValidator : AbstractValidator<ProjectRequest>
{
    public static readonly DateOnly EarliestDate = new(1990, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    public ProjectRequestValidator(IUserDirectory users)
    {
        RuleFor(r => r.Code).NotEmpty().MaximumLength(Project.CodeMaxLength)
            .Matches("^[A-Za-z0-9][A-Za-z0-9_-]*$").WithMessage(_ => ValidationMessages.ProjectCodeCharacters);
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Project.NameMaxLength);
        RuleFor(r => r.Summary).MaximumLength(Project.SummaryMaxLength);
        RuleFor(r => r.NameTranslations).Must(t => Translations.Problem(t, Project.NameMaxLength) is null)
            .WithMessage(r => Translations.Problem(r.NameTranslations, Project.NameMaxLength));
        RuleFor(r => r.SummaryTranslations).Must(t => Translations.Problem(t, Project.SummaryMaxLength) is null)
            .WithMessage(r => Translations.Problem(r.SummaryTranslations, Project.SummaryMaxLength));
        RuleFor(r => r.Level).NotNull().IsInEnum();
        RuleFor(r => r.Status).IsInEnum();
        RuleFor(r => r.StartDate).NotNull().InclusiveBetween(EarliestDate, LatestDate);
        RuleFor(r => r.EndDate).InclusiveBetween(EarliestDate, LatestDate)
            .GreaterThanOrEqualTo(r => r.StartDate).When(r => r.StartDate is not null)
            .WithMessage(_ => ValidationMessages.EndBeforeStart);
        RuleFor(r => r.Countries).Must(c => c!.Count <= 60).WithMessage(_ => ValidationMessages.AtMost60Countries)
            .When(r => r.Countries is not null);
        RuleForEach(r => r.Countries).Must(Countries.IsKnown)
            .WithMessage(_ => ValidationMessages.CountryCodeBeCoRo);
        RuleFor(r => r.Countries).Must(c => c!.Distinct().Count() == c!.Count).WithMessage(_ => ValidationMessages.CountryListedTwice)
            .When(r => r.Countries is not null);
        RuleFor(r => r.Organisations).Must(o => o!.Count <= 100).WithMessage(_ => ValidationMessages.AtMost100Organisations)
            .When(r => r.Organisations is not null);
        RuleForEach(r => r.Organisations).ChildRules(organisation =>
        {
            organisation.RuleFor(o => o.Name).NotEmpty().MaximumLength(300);
            organisation.RuleFor(o => o.Role).NotNull().IsInEnum();
            organisation.RuleFor(o => o.Country).Must(Countries.IsKnown).When(o => o.Country is not null)
                .WithMessage(_ => ValidationMessages.CountryCodePlain);
        });
        RuleFor(r => r.BudgetAmount).GreaterThanOrEqualTo(0).LessThan(1_000_000_000_000m);
        RuleFor(r => r.BudgetCurrency).NotEmpty().When(r => r.BudgetAmount is not null)
            .WithMessage(_ => ValidationMessages.BudgetNeedsCurrency);
        RuleFor(r => r.BudgetCurrency).Must(Currencies.IsKnown).When(r => r.BudgetCurrency is not null)
            .WithMessage(_ => ValidationMessages.CurrencyCode);
        RuleFor(r => r.ResponsibleStaffIds).Must(s => s!.Count <= 50).WithMessage(_ => ValidationMessages.AtMost50Staff)
            .When(r => r.ResponsibleStaffIds is not null);
        RuleFor(r => r.ResponsibleStaffIds)
            .MustAsync(async (ids, cancellationToken) =>
            {
                var distinct = ids!.Distinct().ToList();
                return (await users.FindAsync(distinct, cancellationToken)).Count == distinct.Count;
            })
            .WithMessage(_ => ValidationMessages.StaffMustExist)
            .When(r => r.ResponsibleStaffIds is { Count: > 0 and <= 50 });
    }

    /// <summary>Copies validated input onto the project.</summary>
    public static void Apply(ProjectRequest input, Project project)
    {
        project.Code = input.Code.Trim().ToUpperInvariant();
        project.Name = input.Name.Trim();
        project.Summary = string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim();
        project.NameTranslations = Translations.FromMap(input.NameTranslations);
        project.SummaryTranslations = Translations.FromMap(input.SummaryTranslations);
        project.Level = input.Level!.Value;
        project.Status = input.Status ?? ProjectStatus.Planned;
        project.StartDate = input.StartDate!.Value;
        project.EndDate = input.EndDate;
        project.Countries = (input.Countries ?? []).ToList();
        project.Organisations = (input.Organisations ?? [])
            .Select(o => new ProjectOrganisationEntry { Name = o.Name.Trim(), Role = o.Role!.Value, Country = o.Country })
            .ToList();
        project.BudgetAmount = input.BudgetAmount;
        project.BudgetCurrency = input.BudgetAmount is null ? null : input.BudgetCurrency;
        project.ResponsibleStaffIds = (input.ResponsibleStaffIds ?? []).Distinct().ToList();
    }
}
