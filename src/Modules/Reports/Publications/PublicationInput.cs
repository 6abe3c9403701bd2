using Advocacy.BuildingBlocks.Reference;
using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Reports.Contracts;
using FluentValidation;

namespace Advocacy.Modules.Reports.Publications;

/// <summary>
/// A publication as staff record or edit it. An edit sends back the <see cref="Version"/> it read.
/// </summary>
internal sealed record PublicationRequest(
    string Title,
    PublicationType? Type,
    string? Description = null,
    List<string>? Languages = null,
    string? Link = null,
    List<Guid>? ProjectIds = null,
    uint? Version = null,
    Dictionary<string, string>? TitleTranslations = null);

internal sealed class PublicationRequestValidator : AbstractValidator<PublicationRequest>
{
    public PublicationRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(PublicationLimits.Title);
        RuleFor(r => r.Type).NotNull().IsInEnum();
        RuleFor(r => r.TitleTranslations)
            .Must(t => Translations.Problem(t, PublicationLimits.Title) is null)
            .WithMessage(r => Translations.Problem(r.TitleTranslations, PublicationLimits.Title));
        RuleFor(r => r.Description).MaximumLength(PublicationLimits.Text);
        RuleFor(r => r.Languages)
            .Must(l => l!.Count <= PublicationLimits.PerRecord).WithMessage(_ => SharedMessages.AtMostLanguages.With(PublicationLimits.PerRecord))
            .Must(l => l!.All(Languages.IsKnown)).WithMessage(_ => ValidationMessages.LanguagesKnown)
            .Must(l => l!.Distinct(StringComparer.OrdinalIgnoreCase).Count() == l!.Count).WithMessage(_ => SharedMessages.LanguageListedTwice)
            .When(r => r.Languages is not null);
        RuleFor(r => r.Link)
            .MaximumLength(PublicationLimits.Url)
            .Must(w => w is null || (Uri.TryCreate(w.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            .WithMessage(_ => ValidationMessages.LinkAbsoluteAddress);
        RuleFor(r => r.ProjectIds)
            .Must(ids => ids is null || ids.Count <= PublicationLimits.PerRecord).WithMessage(_ => SharedMessages.AtMostProjects.With(PublicationLimits.PerRecord))
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage(_ => SharedMessages.ProjectLinkedTwice);
    }

    /// <summary>Copies validated input onto the publication.</summary>
    public static void Apply(PublicationRequest input, Publication publication)
    {
        publication.Title = input.Title.Trim();
        publication.TitleTranslations = Translations.FromMap(input.TitleTranslations);
        publication.Type = input.Type!.Value;
        publication.Description = Input.Blank(input.Description);
        publication.Languages = (input.Languages ?? []).Select(l => l.Trim()).ToList();
        publication.Link = Input.Blank(input.Link);
        publication.ProjectIds = (input.ProjectIds ?? []).ToList();
    }
}

/// <summary>Publishes a draft on a day; sends back the <see cref="Version"/> it read.</summary>
internal sealed record PublishRequest(DateOnly? PublishedOn, uint? Version);

internal sealed class PublishRequestValidator : AbstractValidator<PublishRequest>
{
    public PublishRequestValidator()
    {
        RuleFor(r => r.PublishedOn).NotNull()
            .InclusiveBetween(PublicationLimits.EarliestDate, PublicationLimits.LatestDate)
            .WithMessage(_ => SharedMessages.DateBetween.With(PublicationLimits.EarliestDate, PublicationLimits.LatestDate));
        RuleFor(r => r.Version).NotNull().WithMessage(_ => PublicationLimits.VersionMissing);
    }
}

/// <summary>A recommendation as staff record or edit it. An edit sends back the <see cref="Version"/> it read.</summary>
internal sealed record RecommendationRequest(string Text, RecommendationAddressee? AddressedTo, uint? Version = null);

internal sealed class RecommendationRequestValidator : AbstractValidator<RecommendationRequest>
{
    public RecommendationRequestValidator()
    {
        RuleFor(r => r.Text).NotEmpty().MaximumLength(PublicationLimits.Text);
        RuleFor(r => r.AddressedTo).NotNull().IsInEnum();
    }
}

/// <summary>
/// A change of a recommendation's status on a day; evidence (a law, a reply, a decision) is required when it
/// is implemented or rejected.
/// </summary>
internal sealed record StatusChangeRequest(RecommendationStatus? Status, DateOnly? ChangedOn, string? Evidence, uint? Version);

internal sealed class StatusChangeRequestValidator : AbstractValidator<StatusChangeRequest>
{
    public StatusChangeRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.Status).NotNull().IsInEnum();
        RuleFor(r => r.ChangedOn).NotNull()
            .GreaterThanOrEqualTo(PublicationLimits.EarliestDate)
            .Must(d => d is null || d <= clock.Today()).WithMessage(_ => ValidationMessages.StatusChangeFuture);
        RuleFor(r => r.Evidence).MaximumLength(PublicationLimits.Text);
        RuleFor(r => r.Evidence).NotEmpty()
            .When(r => r.Status is { } s && Recommendation.NeedsEvidence(s))
            .WithMessage(_ => ValidationMessages.RecommendationEvidence);
        RuleFor(r => r.Version).NotNull().WithMessage(_ => PublicationLimits.VersionMissing);
    }
}
