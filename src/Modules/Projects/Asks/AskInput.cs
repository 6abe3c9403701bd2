using Advocacy.BuildingBlocks.Text;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Stakeholders;
using FluentValidation;

namespace Advocacy.Modules.Projects.Asks;

/// <summary>
/// An ask as staff write or edit it. Its status is not part of it: it opens as <c>open</c> and moves with
/// <c>POST /api/asks/{id}/status</c>, which also sets and clears the closing day. An edit sends back the
/// <see cref="Version"/> it read.
/// </summary>
/// <param name="SourceId">For a recommendation or a statement: its id in Reports or Coalitions, when it is recorded there.</param>
/// <param name="SourceTitle">For a recommendation: its publication's title; for a statement: its title (kept as written).</param>
internal sealed record AskRequest(
    string Text,
    List<Guid>? TargetStakeholderIds,
    DateOnly? OpenedOn,
    AskSource? Source = null,
    Guid? SourceId = null,
    string? SourceTitle = null,
    Dictionary<string, string>? TextTranslations = null,
    uint? Version = null);

internal sealed class AskRequestValidator : AbstractValidator<AskRequest>
{
    public AskRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.Text).NotEmpty().MaximumLength(AdvocacyLimits.Text);
        RuleFor(r => r.TextTranslations)
            .Must(t => Translations.Problem(t, AdvocacyLimits.Text) is null)
            .WithMessage(r => Translations.Problem(r.TextTranslations, AdvocacyLimits.Text));
        RuleFor(r => r.TargetStakeholderIds).NotEmpty().WithMessage(_ => ValidationMessages.NameTarget);
        RuleFor(r => r.TargetStakeholderIds)
            .Must(t => t!.Count <= AdvocacyLimits.PerRecord).WithMessage(_ => ValidationMessages.AtMostTargets.With(AdvocacyLimits.PerRecord))
            .Must(t => t!.Distinct().Count() == t!.Count).WithMessage(_ => ValidationMessages.TargetListedTwice)
            .When(r => r.TargetStakeholderIds is not null);
        RuleFor(r => r.OpenedOn).NotNull()
            .Must(d => d is null || (d >= AdvocacyLimits.EarliestDate && d <= clock.Today()))
            .WithMessage(_ => ValidationMessages.OpeningDayRange.With(AdvocacyLimits.EarliestDate));
        RuleFor(r => r.Source).IsInEnum();
        RuleFor(r => r.SourceId).Null().When(r => r.Source is null or AskSource.Own)
            .WithMessage(_ => ValidationMessages.OwnAskNoSourceRecord);
        RuleFor(r => r.SourceTitle).Empty().When(r => r.Source is null or AskSource.Own)
            .WithMessage(_ => ValidationMessages.OwnAskNoSourceTitle);
        RuleFor(r => r.SourceTitle).NotEmpty().When(r => r.Source is AskSource.Recommendation or AskSource.Statement)
            .WithMessage(_ => ValidationMessages.AskSourceTitle);
        RuleFor(r => r.SourceTitle).MaximumLength(AdvocacyLimits.Name);
    }

    /// <summary>Copies validated input onto the ask (not its status).</summary>
    public static void Apply(AskRequest input, Ask ask)
    {
        ask.Text = input.Text.Trim();
        ask.TextTranslations = Translations.FromMap(input.TextTranslations);
        ask.TargetStakeholderIds = input.TargetStakeholderIds!.ToList();
        ask.OpenedOn = input.OpenedOn!.Value;
        ask.Source = input.Source ?? AskSource.Own;
        ask.SourceId = ask.Source == AskSource.Own ? null : input.SourceId;
        ask.SourceTitle = ask.Source == AskSource.Own ? null : Input.Blank(input.SourceTitle);
    }
}

/// <summary>A change of an ask's status, on a day, with a note (required when it is met or dropped).</summary>
internal sealed record AskStatusRequest(AskStatus? Status, DateOnly? ChangedOn, string? Note = null, uint? Version = null);

internal sealed class AskStatusRequestValidator : AbstractValidator<AskStatusRequest>
{
    public AskStatusRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.Status).NotNull().IsInEnum();
        RuleFor(r => r.ChangedOn).NotNull()
            .Must(d => d is null || (d >= AdvocacyLimits.EarliestDate && d <= clock.Today()))
            .WithMessage(_ => ValidationMessages.ChangeDayInFuture);
        RuleFor(r => r.Note).MaximumLength(AdvocacyLimits.Text);
        RuleFor(r => r.Note).NotEmpty().When(r => r.Status is AskStatus.Met or AskStatus.Dropped)
            .WithMessage(_ => ValidationMessages.AskNote);
        RuleFor(r => r.Version).NotNull().WithMessage(_ => AdvocacyLimits.VersionMissing);
    }
}

/// <summary>The rules of an ask that need the database or the ask as stored.</summary>
internal static class AskRules
{
    /// <summary>Per-field errors on targets that are not stakeholders; null when all exist.</summary>
    public static async Task<Dictionary<string, string[]>?> TargetErrorsAsync(
        ProjectsDbContext db, IReadOnlyCollection<Guid> targetIds, CancellationToken cancellationToken)
    {
        var known = await db.Stakeholders.Where(s => targetIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken);
        var unknown = targetIds.Except(known).ToList();
        return unknown.Count == 0 ? null : AdvocacyLimits.Error("targetStakeholderIds", $"Unknown stakeholders: {string.Join(", ", unknown)}.");
    }

    /// <summary>An edited opening day must not come after the ask's status changes (nor its closing).</summary>
    public static Dictionary<string, string[]>? OpenedOnErrors(Ask ask, DateOnly openedOn) =>
        ask.History.Count > 0 && openedOn > ask.History.Min(h => h.ChangedOn)
            ? AdvocacyLimits.Error("openedOn", $"The ask changed status on {ask.History.Min(h => h.ChangedOn):yyyy-MM-dd}: it cannot open later.")
            : null;

    /// <summary>The stakeholders an ask names, by id, for its details.</summary>
    public static async Task<Dictionary<Guid, Stakeholder>> TargetsAsync(ProjectsDbContext db, IEnumerable<Ask> asks, CancellationToken cancellationToken)
    {
        var ids = asks.SelectMany(a => a.TargetStakeholderIds).Distinct().ToList();
        return await db.Stakeholders.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
    }
}
