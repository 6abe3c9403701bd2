using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Coalitions.Data;
using Advocacy.Modules.Coalitions.Shared;
using FluentValidation;

namespace Advocacy.Modules.Coalitions.Statements;

/// <summary>
/// A statement as staff record or edit it. <see cref="CoalitionId"/> is left out for a network statement;
/// <see cref="Kind"/> defaults to statement. An edit sends back the <see cref="Version"/> it read.
/// </summary>
internal sealed record StatementRequest(
    string Title,
    DateOnly? Date,
    string AddressedTo,
    List<string>? Signatories,
    Guid? CoalitionId = null,
    StatementKind? Kind = null,
    bool SignedByUs = false,
    List<Guid>? ProjectIds = null,
    uint? Version = null);

internal sealed class StatementRequestValidator : AbstractValidator<StatementRequest>
{
    public const int MaxSignatories = 500;

    public StatementRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(Limits.Name);
        RuleFor(r => r.Date).NotNull().WithinDateRange();
        RuleFor(r => r.AddressedTo).NotEmpty().MaximumLength(Limits.Name);
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.Signatories).NotEmpty().WithMessage(_ => ValidationMessages.AtLeastOneSignatory);
        RuleFor(r => r.Signatories)
            .Must(s => s!.Count <= MaxSignatories).WithMessage(_ => ValidationMessages.AtMostSignatories.With(MaxSignatories))
            .Must(s => s!.Select(Normalise).Distinct(StringComparer.OrdinalIgnoreCase).Count() == s!.Count)
            .WithMessage(_ => ValidationMessages.OrganisationListedTwice)
            .When(r => r.Signatories is not null);
        RuleForEach(r => r.Signatories).NotEmpty().MaximumLength(Limits.Name);
        RuleFor(r => r.ProjectIds).LinkedProjects();
    }

    private static string Normalise(string? name) => name?.Trim() ?? "";

    /// <summary>Copies validated input onto the statement.</summary>
    public static void Apply(StatementRequest input, Statement statement)
    {
        statement.CoalitionId = input.CoalitionId;
        statement.Kind = input.Kind ?? StatementKind.Statement;
        statement.Title = input.Title.Trim();
        statement.Date = input.Date!.Value;
        statement.AddressedTo = input.AddressedTo.Trim();
        statement.Signatories = input.Signatories!.Select(Normalise).ToList();
        statement.SignedByUs = input.SignedByUs;
        statement.ProjectIds = (input.ProjectIds ?? []).ToList();
    }

    /// <summary>
    /// Per-field errors for what the request refers to (an unknown coalition, unknown projects), and the
    /// coalition's name when it names one.
    /// </summary>
    public static async Task<(Dictionary<string, string[]> Errors, string? CoalitionName)> LinkErrorsAsync(
        StatementRequest request, CoalitionsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        string? coalitionName = null;
        if (request.CoalitionId is { } coalitionId)
        {
            coalitionName = await db.Coalitions.Where(c => c.Id == coalitionId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
            if (coalitionName is null)
            {
                errors["coalitionId"] = [$"Unknown coalition: {coalitionId}."];
            }
        }
        await db.CheckProjectsAsync(request.ProjectIds, errors, cancellationToken);
        return (errors, coalitionName);
    }
}
