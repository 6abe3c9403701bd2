namespace Advocacy.Modules.Reports.Contracts;

/// <summary>The kinds of publication the organisation issues.</summary>
public enum PublicationType
{
    /// <summary>A research report.</summary>
    Research,

    /// <summary>A monitoring report, e.g. a country's or the Global Monitoring Report.</summary>
    MonitoringReport,

    /// <summary>A policy brief.</summary>
    PolicyBrief,

    /// <summary>A leaflet or flyer.</summary>
    Leaflet,

    /// <summary>A video.</summary>
    Video,
}

/// <summary>
/// Published when a publication is published, and again, with its whole state, on every later edit of a
/// published publication. Projects records it as a publication activity of each linked project; a message
/// with no projects means it no longer serves any, so Projects withdraws those activities.
/// </summary>
/// <param name="PublicationId">The publication.</param>
/// <param name="Title">Its title.</param>
/// <param name="Type">Its kind.</param>
/// <param name="PublishedOn">The day it was published.</param>
/// <param name="Languages">The languages it is available in, as BCP 47 tags ("en", "fr", "nl").</param>
/// <param name="Link">Where it can be read, an absolute http(s) address, if online.</param>
/// <param name="ProjectIds">The projects (Projects module) it served; empty when unlinked.</param>
/// <param name="OccurredAt">When this state became current; consumers ignore older states.</param>
public sealed record PublicationPublished(
    Guid PublicationId,
    string Title,
    PublicationType Type,
    DateOnly PublishedOn,
    IReadOnlyList<string> Languages,
    string? Link,
    IReadOnlyList<Guid> ProjectIds,
    DateTimeOffset OccurredAt);
