using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Coalitions.Statements;

namespace Advocacy.Modules.Coalitions.Areas.Coalitions.Pages.Statements;

/// <summary>The statement form as the browser posts it; the signatories are typed one organisation per line.</summary>
internal sealed class StatementForm
{
    public string? Title { get; set; }

    public DateOnly? Date { get; set; }

    public string? AddressedTo { get; set; }

    /// <summary>One organisation per line.</summary>
    public string? Signatories { get; set; }

    public Guid? CoalitionId { get; set; }

    public StatementKind? Kind { get; set; }

    public bool SignedByUs { get; set; }

    public List<Guid> ProjectIds { get; set; } = [];

    public uint? Version { get; set; }

    public StatementRequest ToRequest() => new(
        Title ?? "", Date, AddressedTo ?? "",
        (Signatories ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList(),
        CoalitionId, Kind, SignedByUs, ProjectIds, Version);

    /// <summary>An error key of the request; an error on one signatory ("signatories[3]") belongs to the whole list.</summary>
    public static string FormKey(string key) =>
        FormErrors.RowIndex(key, "signatories") is not null ? "Signatories" : key;

    public static StatementForm From(StatementResponse s) => new()
    {
        Title = s.Title,
        Date = s.Date,
        AddressedTo = s.AddressedTo,
        Signatories = string.Join('\n', s.Signatories),
        CoalitionId = s.CoalitionId,
        Kind = s.Kind,
        SignedByUs = s.SignedByUs,
        ProjectIds = s.ProjectIds.ToList(),
        Version = s.Version,
    };
}
