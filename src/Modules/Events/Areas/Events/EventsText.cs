namespace Advocacy.Modules.Events.Areas.Events;

/// <summary>The Events pages' texts: EventsText.resx in English, .fr and .nl beside it.</summary>
internal sealed class EventsText;
