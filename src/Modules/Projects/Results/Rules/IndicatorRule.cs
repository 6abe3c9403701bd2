using Advocacy.Modules.Projects.Activities;
using Advocacy.Modules.Projects.Contracts;

namespace Advocacy.Modules.Projects.Results.Rules;

/// <summary>
/// What a rule-based indicator counts in its project's activity log and the outcomes recorded on it. A new kind
/// is a value here, an optional filter on <see cref="IndicatorRule"/>, and a case in <see cref="IndicatorRule.Count"/>.
/// </summary>
internal enum IndicatorRuleKind
{
    /// <summary>How many activities (of the listed types, or all).</summary>
    ActivityCount,

    /// <summary>How many people the activities reached (of the listed audiences and genders, or all).</summary>
    ReachSum,

    /// <summary>How many distinct events (EventId) the activities belong to.</summary>
    EventsHeld,

    /// <summary>How many commitments stakeholders made at the activities, counted in the period of the activity.</summary>
    CommitmentsMade,

    /// <summary>How many commitments made at the activities were fulfilled, counted in the period of the day they were.</summary>
    CommitmentsFulfilled,
}

/// <summary>How long each computed period is, counted from <see cref="IndicatorRule.PeriodsFrom"/>.</summary>
internal enum RulePeriodLength
{
    Month,
    Quarter,
    Year,
}

/// <summary>
/// The rule of an indicator that counts itself: a kind, optional filters, and the length of the periods its
/// measurements are computed for. Stored as JSON on the indicator, so a new filter needs no new column.
/// </summary>
internal sealed class IndicatorRule
{
    public IndicatorRuleKind Kind { get; set; }

    /// <summary>Only activities of these types count; empty: every type.</summary>
    public List<ActivityType> ActivityTypes { get; set; } = [];

    /// <summary>For <see cref="IndicatorRuleKind.ReachSum"/>: only people of these audiences; empty: all.</summary>
    public List<Audience> Audiences { get; set; } = [];

    /// <summary>For <see cref="IndicatorRuleKind.ReachSum"/>: only people of these genders (unknown never matches); empty: all.</summary>
    public List<Gender> Genders { get; set; } = [];

    /// <summary>
    /// Only activities whose outcome addressed a stakeholder of one of these kinds count (for the commitment
    /// kinds: only commitments made by one); empty: all, with or without an outcome.
    /// </summary>
    public List<StakeholderKind> StakeholderKinds { get; set; } = [];

    public RulePeriodLength PeriodLength { get; set; }

    /// <summary>
    /// The first day of the first period: the project's start when the rule was first defined. It never moves
    /// afterwards, so periods already published keep their bounds when the project's dates change.
    /// </summary>
    public DateOnly PeriodsFrom { get; set; }

    private int Months => PeriodLength switch
    {
        RulePeriodLength.Month => 1,
        RulePeriodLength.Quarter => 3,
        RulePeriodLength.Year => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(PeriodLength), PeriodLength, null),
    };

    /// <summary>The period (first and last day) that <paramref name="date"/> falls in.</summary>
    public RulePeriod PeriodOf(DateOnly date)
    {
        var months = Months;
        var difference = (date.Year - PeriodsFrom.Year) * 12 + date.Month - PeriodsFrom.Month;
        var k = (int)Math.Floor(difference / (double)months);
        // Month ends (a start on the 31st) can put the estimate one period off: step to the right one.
        while (Start(k) > date) k--;
        while (Start(k + 1) <= date) k++;
        return new RulePeriod(Start(k), Start(k + 1).AddDays(-1));
    }

    private DateOnly Start(int period) => PeriodsFrom.AddMonths(period * Months);

    /// <summary>
    /// The rule's value in <paramref name="period"/> over <paramref name="facts"/> (the project's live activities,
    /// outcomes and commitments around it) and the activities that produced it.
    /// </summary>
    public (decimal Value, List<Guid> Sources) Count(RulePeriod period, RuleFacts facts)
    {
        bool TypeMatches(ActivityType type) => ActivityTypes.Count == 0 || ActivityTypes.Contains(type);
        bool KindMatches(StakeholderKind kind) => StakeholderKinds.Count == 0 || StakeholderKinds.Contains(kind);
        var matching = facts.Activities
            .Where(a => period.Contains(a.Date) && TypeMatches(a.Type)
                && (StakeholderKinds.Count == 0 || facts.AddressedKinds[a.Id].Any(KindMatches)))
            .ToList();
        switch (Kind)
        {
            case IndicatorRuleKind.ActivityCount:
                return (matching.Count, matching.Select(a => a.Id).ToList());
            case IndicatorRuleKind.ReachSum:
                var reached = matching
                    .Select(a => (a.Id, People: a.Reach
                        .Where(r => (Audiences.Count == 0 || Audiences.Contains(r.Audience))
                            && (Genders.Count == 0 || (r.Gender is { } g && Genders.Contains(g))))
                        .Sum(r => (long)r.Count)))
                    .Where(x => x.People > 0)
                    .ToList();
                return (reached.Sum(x => x.People), reached.Select(x => x.Id).ToList());
            case IndicatorRuleKind.EventsHeld:
                var atEvents = matching.Where(a => a.EventId is not null).ToList();
                return (atEvents.Select(a => a.EventId).Distinct().Count(), atEvents.Select(a => a.Id).ToList());
            case IndicatorRuleKind.CommitmentsMade:
            case IndicatorRuleKind.CommitmentsFulfilled:
                var counted = facts.Commitments
                    .Where(c => TypeMatches(c.ActivityType) && KindMatches(c.StakeholderKind)
                        && (Kind == IndicatorRuleKind.CommitmentsMade
                            ? period.Contains(c.MadeOn)
                            : c.FulfilledOn is { } fulfilled && period.Contains(fulfilled)))
                    .ToList();
                return (counted.Count, counted.Select(c => c.ActivityId).Distinct().Order().ToList());
            default:
                throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null);
        }
    }

    public IndicatorRule Copy() => new()
    {
        Kind = Kind, ActivityTypes = ActivityTypes.ToList(), Audiences = Audiences.ToList(), Genders = Genders.ToList(),
        StakeholderKinds = StakeholderKinds.ToList(), PeriodLength = PeriodLength, PeriodsFrom = PeriodsFrom,
    };

    /// <summary>Whether the two rules count the same thing over the same periods.</summary>
    public bool SameAs(IndicatorRule other) =>
        Kind == other.Kind && PeriodLength == other.PeriodLength && PeriodsFrom == other.PeriodsFrom
        && ActivityTypes.Order().SequenceEqual(other.ActivityTypes.Order())
        && Audiences.Order().SequenceEqual(other.Audiences.Order())
        && Genders.Order().SequenceEqual(other.Genders.Order())
        && StakeholderKinds.Order().SequenceEqual(other.StakeholderKinds.Order());
}

/// <summary>One computed period: its first and last day.</summary>
internal readonly record struct RulePeriod(DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly date) => date >= Start && date <= End;
}

/// <summary>
/// What rules count, for the periods being recounted: the project's live activities, the kinds of the
/// stakeholders each one's outcome addressed, and the commitments made at them.
/// </summary>
internal sealed record RuleFacts(IReadOnlyList<Activity> Activities, ILookup<Guid, StakeholderKind> AddressedKinds, IReadOnlyList<CountedCommitment> Commitments);

/// <summary>A commitment as rules count it: where and when it was made, by what kind of stakeholder, and when it was fulfilled.</summary>
internal sealed record CountedCommitment(Guid ActivityId, ActivityType ActivityType, DateOnly MadeOn, StakeholderKind StakeholderKind, DateOnly? FulfilledOn);
