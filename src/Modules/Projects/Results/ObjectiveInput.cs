using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Projects.Data;
using FluentValidation;

namespace Advocacy.Modules.Projects.Results;

/// <summary>The fields staff give when adding or editing an objective.</summary>
internal interface IObjectiveInput
{
    string Code { get; }
    string Title { get; }
    string? Description { get; }
}

internal sealed class ObjectiveInputValidator : AbstractValidator<IObjectiveInput>
{
    public ObjectiveInputValidator()
    {
        RuleFor(r => r.Code).Code(Objective.CodeMaxLength);
        RuleFor(r => r.Title).NotEmpty().MaximumLength(Objective.TitleMaxLength);
        RuleFor(r => r.Description).MaximumLength(ResultsRules.DescriptionMaxLength);
    }

    /// <summary>Copies validated input onto the objective.</summary>
    public static void Apply(IObjectiveInput input, Objective objective)
    {
        objective.Code = ResultsApi.NormalizeCode(input.Code);
        objective.Title = input.Title.Trim();
        objective.Description = ResultsApi.NormalizeText(input.Description);
    }

    /// <summary>409 when another objective of the project already has <paramref name="code"/>.</summary>
    public static async Task EnsureCodeIsFreeAsync(
        ProjectsDbContext db, Guid projectId, string code, Guid? exceptId, CancellationToken cancellationToken)
    {
        if (await db.Objectives.AnyAsync(o => o.ProjectId == projectId && o.Code == code && o.Id != exceptId, cancellationToken))
        {
            throw new ConflictException($"The project already has an objective with code '{code}'.");
        }
    }
}
