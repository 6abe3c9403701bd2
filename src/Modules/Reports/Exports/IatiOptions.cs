namespace Advocacy.Modules.Reports.Exports;

/// <summary>
/// The publisher's identity in IATI files, from configuration section <c>Reports:Iati</c>. The defaults are
/// PLACEHOLDERS for the demo: set the organisation's real identifier before publishing anything to IATI.
/// </summary>
internal sealed class IatiOptions
{
    public const string Section = "Reports:Iati";

    /// <summary>
    /// Placeholder, after the IATI reference's example identifier "AA-AAA-123456789": "AA-AAA" is no registration
    /// agency, so it cannot clash with a real organisation (XI-IATI is the IATI Secretariat's real list). A Belgian
    /// association's real identifier is BE-BCE_KBO-{enterprise number}.
    /// </summary>
    public string ReportingOrgRef { get; set; } = "AA-AAA-EXAMPLE";

    public string ReportingOrgName { get; set; } = "ECPAT Belgium";

    /// <summary>OrganisationType codelist: 22 National NGO (registered in Belgium); 21 is International NGO.</summary>
    public string ReportingOrgType { get; set; } = "22";

    /// <summary>DAC 5-digit sector code every activity is reported under.</summary>
    public string Sector { get; set; } = IatiOrganisation.HumanRights;

    public IatiOrganisation ReportingOrg() => new(ReportingOrgRef, ReportingOrgName, ReportingOrgType, Sector);
}
