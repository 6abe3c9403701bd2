namespace Advocacy.Modules.Coalitions.Areas.Coalitions;

/// <summary>The Coalitions pages' texts: CoalitionsText.resx in English, .fr and .nl beside it.</summary>
internal sealed class CoalitionsText;
