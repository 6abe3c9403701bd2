using Advocacy.BuildingBlocks;
using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Outcomes;
using StakeholderResponse = Advocacy.Modules.Projects.Contracts.StakeholderResponse;

namespace Advocacy.Modules.Projects.Areas.Projects.Pages.Advocacy;

/// <summary>The outcome form as the browser posts it: values only; the endpoint's validator and handler decide.</summary>
internal sealed class OutcomeForm
{
    /// <summary>Stakeholder rows the form shows at least; more come by a round trip, without script.</summary>
    public const int MinRows = 3;

    public List<AddressedRow> Stakeholders { get; set; } = [];

    public List<Guid> AskIds { get; set; } = [];

    public uint? Version { get; set; }

    /// <summary>Fills the rows up to the minimum, always leaving an empty one to choose in.</summary>
    public OutcomeForm Padded()
    {
        while (Stakeholders.Count < MinRows || (Stakeholders.Count < AdvocacyLimitsView.PerRecord && !Stakeholders.Any(r => r.IsBlank)))
        {
            Stakeholders.Add(new AddressedRow());
        }
        return this;
    }

    /// <summary>The endpoint's request without blank rows; <paramref name="rowOf"/> maps each entry back to its row.</summary>
    public OutcomeRequest ToRequest(out IReadOnlyList<int> rowOf)
    {
        var rows = Stakeholders.Select((row, index) => (row, index)).Where(r => !r.row.IsBlank).ToList();
        rowOf = rows.Select(r => r.index).ToList();
        return new OutcomeRequest(
            rows.Select(r => new AddressedStakeholderInput(r.row.StakeholderId, r.row.Response, Input.Blank(r.row.Note))).ToList(),
            AskIds.Distinct().ToList(), Version: Version);
    }

    /// <summary>An error key of the request with a stakeholder entry's index turned into its form row.</summary>
    public static string FormKey(string key, IReadOnlyList<int> rowOf) =>
        FormErrors.RowIndex(key, "stakeholders") is { } entry && entry < rowOf.Count
            ? FormErrors.WithRowIndex(key, "stakeholders", rowOf[entry])
            : key;
}

/// <summary>One stakeholder the activity addressed, their response and a note.</summary>
internal sealed class AddressedRow
{
    public Guid? StakeholderId { get; set; }

    public StakeholderResponse? Response { get; set; }

    public string? Note { get; set; }

    /// <summary>A row without a stakeholder is skipped: a response alone says nothing.</summary>
    public bool IsBlank => StakeholderId is null && string.IsNullOrWhiteSpace(Note);
}

/// <summary>A new commitment: what, by which addressed stakeholder, by when, answering which ask.</summary>
internal sealed class CommitmentForm
{
    public string? Text { get; set; }

    public Guid? StakeholderId { get; set; }

    public DateOnly? DueDate { get; set; }

    public Guid? AskId { get; set; }

    public CommitmentRequest ToRequest() => new(Text ?? "", StakeholderId, DueDate, AskId);
}

/// <summary>A new follow-up: what, who, by when.</summary>
internal sealed class FollowUpForm
{
    public string? Action { get; set; }

    public string? OwnerUserId { get; set; }

    public DateOnly? DueDate { get; set; }

    public FollowUpRequest ToRequest() => new(Action ?? "", OwnerUserId ?? "", DueDate);
}

/// <summary>Moving one commitment forward: to which status, on which day, with what evidence.</summary>
internal sealed class CommitmentMoveForm
{
    public Guid? Id { get; set; }

    public CommitmentStatus? Status { get; set; }

    public DateOnly? ChangedOn { get; set; }

    public string? Evidence { get; set; }

    public uint? Version { get; set; }

    public CommitmentStatusRequest ToRequest() => new(Status, ChangedOn, Input.Blank(Evidence), Version);
}

/// <summary>The limits the pages show, from the endpoints' own.</summary>
internal static class AdvocacyLimitsView
{
    public const int PerRecord = Stakeholders.AdvocacyLimits.PerRecord;

    public const int Text = Stakeholders.AdvocacyLimits.Text;

    public const int Name = Stakeholders.AdvocacyLimits.Name;
}
