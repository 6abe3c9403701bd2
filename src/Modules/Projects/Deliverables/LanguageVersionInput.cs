using FluentValidation;

namespace Advocacy.Modules.Projects.Deliverables;

/// <summary>Where a language version stands: its status and, once published, when and where.</summary>
internal interface ILanguageVersionInput
{
    LanguageVersionStatus? Status { get; }
    DateOnly? PublishedOn { get; }
    string? Url { get; }
}

internal sealed class LanguageVersionValidator : AbstractValidator<ILanguageVersionInput>
{
    /// <summary>The earliest publication date accepted.</summary>
    public static readonly DateOnly EarliestDate = new(1990, 1, 1);

    public LanguageVersionValidator(TimeProvider clock)
    {
        RuleFor(r => r.Status).IsInEnum();
        RuleFor(r => r.PublishedOn).NotNull().When(r => r.Status == LanguageVersionStatus.Published)
            .WithMessage(_ => ValidationMessages.PublishedNeedsDate);
        RuleFor(r => r.PublishedOn).Null().When(r => r.Status != LanguageVersionStatus.Published)
            .WithMessage(_ => ValidationMessages.OnlyPublishedHasDate);
        // A day of slack: Brussels' today can be UTC's tomorrow.
        RuleFor(r => r.PublishedOn)
            .GreaterThanOrEqualTo(EarliestDate)
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1))
            .WithMessage(_ => ValidationMessages.PublicationDateFuture);
        RuleFor(r => r.Url).MaximumLength(DeliverableLanguage.UrlMaxLength);
        RuleFor(r => r.Url).Must(BeAbsoluteHttpUrl).When(r => r.Url is not null)
            .WithMessage(_ => ValidationMessages.AddressAbsoluteUrl);
    }

    /// <summary>Copies validated input onto the language version (no status means planned).</summary>
    public static void Apply(ILanguageVersionInput input, DeliverableLanguage version, DateTimeOffset now)
    {
        version.Status = input.Status ?? LanguageVersionStatus.Planned;
        version.PublishedOn = input.PublishedOn;
        version.Url = string.IsNullOrWhiteSpace(input.Url) ? null : input.Url.Trim();
        version.UpdatedAt = now;
    }

    private static bool BeAbsoluteHttpUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
