using Advocacy.BuildingBlocks.Text;
using FluentValidation;

namespace Advocacy.Modules.Coalitions.Shared;

/// <summary>The limits every write of the module applies.</summary>
internal static class Limits
{
    /// <summary>Names and titles: coalitions, organisations, statements.</summary>
    public const int Name = 300;

    /// <summary>Free text: descriptions, agendas, follow-up actions.</summary>
    public const int Text = 4000;

    public const int Url = 500;

    /// <summary>The host's user ids.</summary>
    public const int UserId = 450;

    /// <summary>Projects, attendees or follow-ups on one record.</summary>
    public const int PerRecord = 50;

    public static readonly DateOnly EarliestDate = new(1990, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);


}

/// <summary>Rules several of the module's requests share.</summary>
internal static class SharedRules
{
    public static IRuleBuilderOptions<T, DateOnly?> WithinDateRange<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.InclusiveBetween(Limits.EarliestDate, Limits.LatestDate)
            .WithMessage(_ => SharedMessages.DateBetween.With(Limits.EarliestDate, Limits.LatestDate));

    /// <summary>Linked projects: at most <see cref="Limits.PerRecord"/>, each once. Whether they exist is checked against the known projects.</summary>
    public static IRuleBuilderOptions<T, List<Guid>?> LinkedProjects<T>(this IRuleBuilder<T, List<Guid>?> rule) =>
        rule.Must(ids => ids is null || ids.Count <= Limits.PerRecord).WithMessage(_ => SharedMessages.AtMostProjects.With(Limits.PerRecord))
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage(_ => SharedMessages.ProjectLinkedTwice);

    /// <summary>User ids: at most <see cref="Limits.PerRecord"/>, each once and not blank. Whether they exist is asked of the user directory.</summary>
    public static IRuleBuilderOptions<T, List<string>?> UserIds<T>(this IRuleBuilder<T, List<string>?> rule) =>
        rule.Must(ids => ids is null || ids.Count <= Limits.PerRecord).WithMessage(_ => ValidationMessages.AtMostPeople.With(Limits.PerRecord))
            .Must(ids => ids is null || ids.All(id => !string.IsNullOrWhiteSpace(id) && id.Length <= Limits.UserId))
            .WithMessage(_ => ValidationMessages.UserIdBlankOrLong)
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage(_ => ValidationMessages.PersonListedTwice);

    /// <summary>An absolute http or https address.</summary>
    public static IRuleBuilderOptions<T, string?> WebAddress<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(Limits.Url)
            .Must(w => w is null || (Uri.TryCreate(w.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            .WithMessage(_ => ValidationMessages.WebsiteAbsolute);

}
