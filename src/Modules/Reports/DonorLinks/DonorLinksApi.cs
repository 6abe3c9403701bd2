using FluentValidation;

namespace Advocacy.Modules.Reports.DonorLinks;

internal static class DonorLinksApi
{
    public static RouteGroupBuilder ProjectLinks(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/reports/projects/{projectId:guid}/donor-links").WithTags("Donor links");

    public const int MaxDays = 366;
}

/// <summary>A new donor link: who it is for, and for how many days it works.</summary>
internal sealed record DonorLinkRequest(string Label, int? ValidForDays);

internal sealed class DonorLinkRequestValidator : AbstractValidator<DonorLinkRequest>
{
    public DonorLinkRequestValidator()
    {
        RuleFor(r => r.Label).NotEmpty().MaximumLength(200);
        RuleFor(r => r.ValidForDays).NotNull().InclusiveBetween(1, DonorLinksApi.MaxDays);
    }
}

/// <summary>A donor link as managers see it; the token itself is shown once, when the link is created.</summary>
internal sealed record DonorLinkResponse(
    Guid Id, Guid ProjectId, string Label, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, string CreatedBy, DateTimeOffset CreatedAt, bool Live)
{
    public static DonorLinkResponse Of(DonorLink link, DateTimeOffset now) =>
        new(link.Id, link.ProjectId, link.Label, link.ExpiresAt, link.RevokedAt, link.CreatedBy, link.CreatedAt, link.IsLive(now));
}

/// <summary>A link just created, with the one copy of its token and the addresses to share.</summary>
internal sealed record CreatedDonorLink(DonorLinkResponse Link, string Token, string PageUrl, string ApiUrl);
