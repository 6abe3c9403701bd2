namespace Advocacy.Host.Pages;

/// <summary>The host's UI texts (layout, sign-in, errors): UiText.resx in English, .fr and .nl beside it.</summary>
internal sealed class UiText;
